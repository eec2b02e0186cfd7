//! Short source references of the generated data, spelled out for answers.
//!
//! The generated files cite compactly (`atop4:3180; nato:13`); answers cite
//! in words ("ATOP 4.01 atopid 3180; nato_members.csv line 13").

/// Spells out a compact source reference. Unknown prefixes pass through.
pub fn expand(compact: &str) -> String {
    compact
        .split("; ")
        .map(expand_one)
        .collect::<Vec<_>>()
        .join("; ")
}

fn expand_one(part: &str) -> String {
    let Some((prefix, rest)) = part.split_once(':') else {
        return part.to_string();
    };
    match prefix {
        "atop4" => format!("ATOP 4.01 atopid {rest}"),
        "nato" => format!("nato_members.csv line {rest}"),
        "cowigo3" => format!("COW IGO v3 line {rest}"),
        "factbook2020" if rest == "absent" => "not listed in CIA World Factbook 2020".to_string(),
        "factbook2020" => format!("CIA World Factbook 2020 line {rest}"),
        "curated" => match rest.split_once(' ') {
            Some((line, cite)) => format!("curated.tsv line {line}: {cite}"),
            None => format!("curated.tsv line {rest}"),
        },
        "news" => format!("news document {rest}"),
        _ => part.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spells_out_each_part() {
        assert_eq!(
            expand("atop4:3180; nato:13"),
            "ATOP 4.01 atopid 3180; nato_members.csv line 13"
        );
        assert_eq!(
            expand("curated:34 https://x.example/a (b)"),
            "curated.tsv line 34: https://x.example/a (b)"
        );
        assert_eq!(
            expand("cowigo3:5; factbook2020:absent"),
            "COW IGO v3 line 5; not listed in CIA World Factbook 2020"
        );
        assert_eq!(expand("plain words"), "plain words");
    }
}
