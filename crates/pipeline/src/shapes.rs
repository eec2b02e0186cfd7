//! One JSON shape per record kind, written alike by the command line
//! (`--format json`) and the API, so a script can read either.

use chrono::NaiveDate;
use entente_annotate::{ActorDictionary, ActorInfo};
use entente_know::ObligationsAnswer;
use entente_store::StoredUpdate;
use serde_json::{json, Value};

/// A stored knowledge-base update. The change itself is given twice, as
/// `update` (the command line's name) and `payload` (the API's), so that
/// readers of either keep working.
pub fn stored_update(u: &StoredUpdate) -> Value {
    json!({
        "id": u.id.0,
        "kind": u.update.kind,
        "status": u.status.as_str(),
        "update": u.update.payload,
        "payload": u.update.payload,
        "doc": u.update.doc,
        "sentence": u.update.sentence,
        "evidence": u.update.evidence,
        "proposed_at": u.proposed_at,
        "decided_at": u.decided_at,
        // Other documents that reported the same fact.
        "also": u.also.iter().map(|a| json!({
            "doc": a.doc,
            "sentence": a.sentence,
            "evidence": a.evidence,
        })).collect::<Vec<_>>(),
    })
}

/// Who must defend a state: the answer, plus `by_treaty`, how many states
/// each treaty binds, in the order the treaties first appear.
pub fn obligations(answer: &ObligationsAnswer) -> Value {
    let mut by_treaty: Vec<(&str, usize)> = Vec::new();
    for o in &answer.obligated {
        match by_treaty.iter_mut().find(|(t, _)| *t == o.treaty) {
            Some((_, n)) => *n += 1,
            None => by_treaty.push((&o.treaty, 1)),
        }
    }
    let mut value = json!(answer);
    if let Value::Object(fields) = &mut value {
        fields.insert(
            "by_treaty".into(),
            by_treaty
                .into_iter()
                .map(|(treaty, count)| json!({"treaty": treaty, "count": count}))
                .collect(),
        );
    }
    value
}

/// Who a name is on a date (`entente actor NAME --on DATE --format json`,
/// `/api/names/NAME?on=DATE`): `{name, on, actors}`, each reading with the
/// role held that day or, for a person who held none, `former`, the last
/// role ended by then. `None` when no actor is known by the name.
pub fn actor(name: &str, on: NaiveDate) -> Option<Value> {
    let found = ActorDictionary::embedded().lookup(name, on);
    (!found.is_empty()).then(|| actor_answer(name, on, &found))
}

/// The shape of [`actor`] for readings already looked up.
pub fn actor_answer(name: &str, on: NaiveDate, found: &[ActorInfo]) -> Value {
    json!({"name": name, "on": on, "actors": found})
}

/// Today's date in UTC: the default of every "as of" question, the same in
/// the command line and the API whatever the machine's time zone.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_store::{ProposedUpdate, UpdateId, UpdateStatus};

    #[test]
    fn an_actor_answer_names_an_ended_role_former() {
        let on = NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
        let v = actor("Jacinda Ardern", on).expect("Ardern is known");
        assert_eq!(v["name"], "Jacinda Ardern");
        assert_eq!(v["on"], "2024-01-01");
        let a = &v["actors"][0];
        assert_eq!(a["code"], "");
        assert_eq!(a["former"]["code"], "NZLGOV");
        assert_eq!(a["former"]["title"], "prime minister");
        assert_eq!(a["former"]["to"], "2023-01-25");
        assert!(actor("Qqqzzx Wwwvvk", on).is_none());
    }

    #[test]
    fn a_stored_update_keeps_both_names_of_its_change() {
        let u = StoredUpdate {
            id: UpdateId(7),
            update: ProposedUpdate {
                kind: "accession".into(),
                payload: json!({"state": "IRL", "organisation": "NATO"}),
                doc: Some("d1".into()),
                sentence: Some(0),
                evidence: None,
                fact: None,
            },
            status: UpdateStatus::Accepted,
            proposed_at: "2026-03-11T00:00:00.000Z".into(),
            decided_at: None,
            also: vec![entente_store::UpdateEvidence {
                doc: Some("d2".into()),
                sentence: Some(3),
                evidence: None,
            }],
        };
        let v = stored_update(&u);
        assert_eq!(v["doc"], "d1");
        assert_eq!(
            v["also"][0]["doc"], "d2",
            "a further report of the same fact"
        );
        assert_eq!(v["also"][0]["sentence"], 3);
        assert_eq!(v["update"], v["payload"]);
        assert_eq!(v["update"]["state"], "IRL");
        assert_eq!(v["status"], "accepted");
        assert_eq!(v["id"], 7);
    }

    #[test]
    fn obligations_count_states_per_treaty() {
        let kb = entente_know::KnowledgeBase::embedded().expect("loads");
        let day = chrono::NaiveDate::from_ymd_opt(2022, 4, 8).expect("date");
        let answer = kb
            .obligations("BEL", day, Some("NATO"), None)
            .expect("answers");
        let v = obligations(&answer);
        assert_eq!(v["by_treaty"][0]["count"], answer.obligated.len());
        assert_eq!(v["attacked"], answer.attacked);
    }
}
