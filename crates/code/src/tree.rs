//! Readings of a sentence's dependency tree for the coders: the parse over
//! the coder's tokens and a passive verb's agent.
//!
//! The tree comes from [`entente_annotate::syntax`], parsed over the
//! coder's own tokens so that token `k` of a [`Sent`] is token `k` of its
//! [`Parse`]. A sentence is tagged only when a rule asks for a tag, and
//! parsed only when a rule asks for its tree.

use crate::analysis::Sent;
use entente_annotate::syntax::{Parse, Syntax, Tagging};

/// Tags sentence `s` of `text` over its tokens.
pub(crate) fn tag_sentence(text: &str, s: &Sent) -> Tagging {
    let forms: Vec<&str> = s.toks.iter().map(|t| t.text(text)).collect();
    Syntax::embedded().tag_tokens(&forms)
}

/// Parses a tagged sentence.
pub(crate) fn parse_tagged(tagging: &Tagging) -> Parse {
    Syntax::embedded().parse_tagged(tagging)
}

/// The agent of passive verb `v` ("was attacked by Russian drones"): the
/// head of its `by` oblique.
pub(crate) fn passive_agent(p: &Parse, v: usize) -> Option<usize> {
    p.is_passive(v).then(|| p.agent(v)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passive_agents() {
        for (sentence, agent) in [
            (
                "Kharkiv was shelled by Russian artillery on Sunday.",
                "artillery",
            ),
            ("The convoy was attacked by rebels near Goma.", "rebels"),
            ("Two ships were seized by Iran overnight.", "Iran"),
        ] {
            let p = Syntax::embedded().analyse(sentence);
            let v = p.root().expect("root");
            let a = passive_agent(&p, v).map(|k| p.tokens[k].form.as_str());
            assert_eq!(a, Some(agent), "{sentence}");
        }
        let p = Syntax::embedded().analyse("Russia attacked Ukraine by night.");
        let v = p.root().expect("root");
        assert_eq!(passive_agent(&p, v), None);
    }
}
