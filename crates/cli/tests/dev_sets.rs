//! Scores on the development gold sets, as gates: extraction F1 and actor
//! resolution must not fall below the issues' targets. The gold sets are
//! not part of the project (their licences and size); they are looked for
//! in `$ENTENTE_SHARED/dev` or in `../shared/dev` beside the project, as CI
//! lays them out.

use super::*;

fn dev_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("ENTENTE_SHARED").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")),
    ];
    let found = candidates
        .into_iter()
        .flatten()
        .map(|p| p.join("dev"))
        .find(|p| p.is_dir());
    if found.is_none() {
        eprintln!("help: no dev gold sets found (set ENTENTE_SHARED); dev-set gates not run");
    }
    found
}

/// The number after `label` in the command's output.
fn figure(output: &str, label: &str) -> f64 {
    output
        .lines()
        .find_map(|l| l.strip_prefix(label))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.trim_end_matches('%').parse().ok())
        .unwrap_or_else(|| panic!("no {label:?} in {output}"))
}

#[test]
fn extraction_f1_meets_the_target() {
    let Some(dev) = dev_dir() else { return };
    let extract = dev.join("extract");
    let out = entente()
        .args(["eval", "extract", "--worst", "0", "--gold"])
        .arg(extract.join("ground-truth.json"))
        .arg("--html")
        .arg(extract.join("html"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let f1 = figure(&stdout_of(&out), "F1");
    assert!(f1 >= 0.960, "extraction F1 {f1} below 0.960");
}

#[test]
fn actor_resolution_meets_the_target() {
    let Some(dev) = dev_dir() else { return };
    let out = entente()
        .args(["eval", "actors", "--gold"])
        .arg(dev.join("events/plover_gsr_dev.json"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let percent = text
        .lines()
        .next()
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|p| p.trim_end_matches('%').parse::<f64>().ok())
        .unwrap_or_else(|| panic!("no percentage in {text}"));
    assert!(percent >= 90.0, "actor resolution {percent}% below 90%");
}

#[test]
fn event_coding_meets_the_targets() {
    let Some(dev) = dev_dir() else { return };
    let out = entente()
        .args(["eval", "events", "--gold"])
        .arg(dev.join("events/plover_gsr_dev.json"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    // Floors just under the figures reached (issue 10 asks for 0.85 and
    // 0.75): a change that loses ground fails here.
    let accuracy = figure(&text, "PLOVER type accuracy");
    let f1 = figure(&text, "triple F1");
    assert!(accuracy >= 0.76, "type accuracy {accuracy} below 0.76");
    assert!(f1 >= 0.66, "triple F1 {f1} below 0.66");
}

#[test]
fn challenge_coding_keeps_its_ground() {
    let Some(dev) = dev_dir() else { return };
    let out = entente()
        .args(["eval", "events", "--gold"])
        .arg(dev.join("events/challenge_dev.json"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    // A floor under the figure reached (issue 10 asks for 0.75).
    let f1 = figure(&text, "triple F1");
    assert!(f1 >= 0.65, "challenge triple F1 {f1} below 0.65");
}

/// The project's own written sets (`tests/data/events`, written by people
/// who saw neither the coder nor the development gold): floors a little
/// under the figures reached, so that a rule that wins on the development
/// sentences and loses on text like these fails here.
#[test]
fn written_sets_keep_their_ground() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/events");
    for (file, type_floor, f1_floor) in [
        ("written_01_10.json", 0.78, 0.73),
        ("written_11_20.json", 0.83, 0.65),
        ("written_constructions.json", 0.79, 0.61),
        ("written_fresh.json", 0.72, 0.64),
    ] {
        let out = entente()
            .args(["eval", "events", "--gold"])
            .arg(data.join(file))
            .output()
            .expect("runs");
        assert!(out.status.success(), "{file}: {}", stderr_of(&out));
        let text = stdout_of(&out);
        let accuracy = figure(&text, "PLOVER type accuracy");
        let f1 = figure(&text, "triple F1");
        assert!(
            accuracy >= type_floor,
            "{file}: type accuracy {accuracy} below {type_floor}"
        );
        assert!(f1 >= f1_floor, "{file}: triple F1 {f1} below {f1_floor}");
    }
}
