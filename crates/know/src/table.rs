//! Plain-text tables of the answers, for `--format table`.

use crate::query::{MembersAnswer, ObligationsAnswer, PartnersAnswer, TreatiesAnswer};
use std::fmt::Write;

/// Renders rows under a header, each column as wide as its widest cell.
fn render(title: &str, header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let _ = writeln!(out, "{title}");
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = &str>| {
        let mut s = String::new();
        for (cell, w) in cells.zip(&widths) {
            let pad = w - cell.chars().count();
            let _ = write!(s, "{cell}{}  ", " ".repeat(pad));
        }
        let _ = writeln!(out, "{}", s.trim_end());
    };
    line(&mut out, &mut header.iter().copied());
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&mut out, &mut rule.iter().map(String::as_str));
    for row in rows {
        line(&mut out, &mut row.iter().map(String::as_str));
    }
    let _ = writeln!(out, "({} rows)", rows.len());
    out
}

fn opt(s: &Option<impl ToString>) -> String {
    s.as_ref()
        .map(ToString::to_string)
        .unwrap_or_else(|| "-".to_string())
}

impl MembersAnswer {
    pub fn to_table(&self) -> String {
        let rows: Vec<Vec<String>> = self
            .members
            .iter()
            .map(|m| vec![m.code.clone(), m.name.clone(), m.since.to_string()])
            .collect();
        render(
            &format!("Members of {} on {}", self.organisation, self.on),
            &["code", "name", "since"],
            &rows,
        )
    }
}

impl ObligationsAnswer {
    pub fn to_table(&self) -> String {
        let rows: Vec<Vec<String>> = self
            .obligated
            .iter()
            .map(|o| {
                vec![
                    o.code.clone(),
                    o.name.clone(),
                    o.treaty.clone(),
                    o.provision.to_string(),
                    opt(&o.article),
                    if o.condition_checks.is_empty() {
                        "-".to_string()
                    } else {
                        o.condition_checks
                            .iter()
                            .map(|c| c.short())
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                ]
            })
            .collect();
        let place = self.where_.as_deref().unwrap_or(&self.attacked);
        let mut out = render(
            &format!(
                "Bound to act if {} is attacked ({place}) on {}",
                self.attacked, self.on
            ),
            &[
                "code",
                "name",
                "treaty",
                "provision",
                "article",
                "conditions",
            ],
            &rows,
        );
        let treaties = {
            let mut t: Vec<&str> = self.obligated.iter().map(|o| o.treaty.as_str()).collect();
            t.sort_unstable();
            t.dedup();
            t.len()
        };
        let _ = writeln!(
            out,
            "{} state(s) bound under {treaties} treaty(ies), each counted once",
            self.states.len()
        );
        for e in &self.excluded {
            let _ = writeln!(out, "excluded: {}", e.reason);
        }
        out
    }
}

impl PartnersAnswer {
    pub fn to_table(&self) -> String {
        let rows: Vec<Vec<String>> = self
            .partners
            .iter()
            .map(|p| {
                vec![
                    p.code.clone(),
                    p.name.clone(),
                    p.region.clone(),
                    p.framework.clone(),
                    opt(&p.since),
                    opt(&p.until),
                ]
            })
            .collect();
        let on = self.on.map(|d| format!(" on {d}")).unwrap_or_default();
        render(
            &format!("Partners of {}{on}", self.organisation),
            &["code", "name", "region", "framework", "since", "until"],
            &rows,
        )
    }
}

impl TreatiesAnswer {
    pub fn to_table(&self) -> String {
        let mut rows = Vec::new();
        for t in &self.treaties {
            if t.provisions.is_empty() {
                rows.push(vec![
                    t.treaty.clone(),
                    opt(&t.signed),
                    opt(&t.in_force),
                    opt(&t.ended),
                    opt(&t.end_reason),
                    opt(&t.bound_from),
                    "-".to_string(),
                    "-".to_string(),
                    "-".to_string(),
                ]);
            }
            for p in &t.provisions {
                rows.push(vec![
                    t.treaty.clone(),
                    opt(&t.signed),
                    opt(&t.in_force),
                    opt(&t.ended),
                    opt(&t.end_reason),
                    opt(&t.bound_from),
                    p.kind.to_string(),
                    opt(&p.article),
                    p.bound.join(" "),
                ]);
            }
        }
        let on = self.on.map(|d| format!(" on {d}")).unwrap_or_default();
        render(
            &format!("Treaties between {} and {}{on}", self.a, self.b),
            &[
                "treaty",
                "signed",
                "in force",
                "ended",
                "why ended",
                "both bound from",
                "provision",
                "article",
                "bound",
            ],
            &rows,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align() {
        let t = render("T", &["a", "bb"], &[vec!["xxx".into(), "y".into()]]);
        assert_eq!(t, "T\na    bb\n---  --\nxxx  y\n(1 rows)\n");
    }
}
