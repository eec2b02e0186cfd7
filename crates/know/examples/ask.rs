//! Asks the embedded knowledge base a question and prints the JSON answer.
//!
//! ```text
//! cargo run -p entente-know --example ask -- members NATO 2022-04-08
//! cargo run -p entente-know --example ask -- obligations BEL 2022-04-08 [TREATY|-] [PLACE]
//! cargo run -p entente-know --example ask -- partners NATO [REGION]
//! cargo run -p entente-know --example ask -- between USA JPN [DATE]
//! ```
//! Add `--table` as the last argument for the table rendering.

use chrono::NaiveDate;
use entente_know::KnowledgeBase;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let table = args.last().is_some_and(|a| a == "--table");
    if table {
        args.pop();
    }
    match run(&args, table) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn date(s: Option<&String>) -> Result<Option<NaiveDate>, String> {
    s.map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("date {s:?}: {e}")))
        .transpose()
}

fn run(args: &[String], table: bool) -> Result<String, String> {
    let kb = KnowledgeBase::embedded().map_err(|e| e.to_string())?;
    let arg = |i: usize| args.get(i).map(String::as_str).filter(|s| *s != "-");
    let need = |i: usize| arg(i).ok_or_else(|| format!("argument {} missing", i + 1));
    let json = |v: serde_json::Result<String>| v.map_err(|e| e.to_string());
    match arg(0) {
        Some("members") => {
            let on = date(args.get(2))?.ok_or("a date is needed")?;
            let a = kb.members(need(1)?, on).map_err(|e| e.to_string())?;
            if table {
                Ok(a.to_table())
            } else {
                json(serde_json::to_string_pretty(&a))
            }
        }
        Some("obligations") => {
            let on = date(args.get(2))?.ok_or("a date is needed")?;
            let a = kb
                .obligations(need(1)?, on, arg(3), arg(4))
                .map_err(|e| e.to_string())?;
            if table {
                Ok(a.to_table())
            } else {
                json(serde_json::to_string_pretty(&a))
            }
        }
        Some("partners") => {
            let a = kb.partners(need(1)?, arg(2)).map_err(|e| e.to_string())?;
            if table {
                Ok(a.to_table())
            } else {
                json(serde_json::to_string_pretty(&a))
            }
        }
        Some("between") => {
            let a = kb
                .treaties_between(need(1)?, need(2)?, date(args.get(3))?)
                .map_err(|e| e.to_string())?;
            if table {
                Ok(a.to_table())
            } else {
                json(serde_json::to_string_pretty(&a))
            }
        }
        _ => Err("usage: ask members|obligations|partners|between ...".to_string()),
    }
}
