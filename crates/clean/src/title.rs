//! Page titles without the site's name.

use crate::normalize::normalize;

const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • "];

/// The site part of a title has at most this many words.
const MAX_SITE_WORDS: usize = 4;

/// Normalises a title and strips a trailing " | Site" (or " - Site", ...)
/// when what is left still reads as a title.
pub fn clean_title(title: &str) -> String {
    let mut t = normalize(title).text;
    for sep in SEPARATORS {
        if let Some(at) = t.rfind(sep) {
            let (head, site) = (
                t.get(..at).unwrap_or_default(),
                t.get(at + sep.len()..).unwrap_or_default(),
            );
            if site.split_whitespace().count() <= MAX_SITE_WORDS
                && head.split_whitespace().count() >= 3
            {
                t.truncate(at);
                break;
            }
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site() {
        assert_eq!(
            clean_title("NATO steps up in Pacific | Stuff.co.nz"),
            "NATO steps up in Pacific"
        );
        assert_eq!(
            clean_title("NATO steps up in Pacific - The Guardian"),
            "NATO steps up in Pacific"
        );
        assert_eq!(clean_title("Short | Site"), "Short | Site");
        assert_eq!(clean_title("  Plain   title "), "Plain title");
    }
}
