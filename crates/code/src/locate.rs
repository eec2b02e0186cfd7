//! Where events happened: each coded event is placed where its clause says
//! it happened — a place named in the clause (its evidence span), else the
//! city an attack or a visit reached when the text names its target by it
//! ("Russia struck Kyiv"), else a place in its sentence, else the target's
//! country, else the source's — with the precision and the place's span
//! recorded (`entente_core::Location`).
//!
//! Places are the text's place mentions (`entente_annotate::places`): an
//! actor named by a place ("Kyiv said") is no place of the event. Within a
//! span, a place more precise than a country wins ("in Bakhmut in eastern
//! Ukraine" is Bakhmut), then one the text puts in a place context ("in",
//! "near", "the ... region") over a bare name and a bare name over a
//! possessor ("Kherson's governor"), then the first.

use entente_annotate::places::{find_places, Gazetteer, PlaceCue, PlaceMention};
use entente_core::{
    ActorCode, ActorRef, Event, Location, LocationBasis, LocationPrecision, Mention, Span,
};

/// Gives each event its location. `sentences` are the text's sentence spans,
/// which events name by index.
pub(crate) fn locate_events(
    text: &str,
    sentences: &[Span],
    mentions: &[Mention],
    events: &mut [Event],
) {
    if events.is_empty() {
        return;
    }
    let g = Gazetteer::embedded();
    let places = find_places(text, mentions);
    for e in events.iter_mut() {
        let clause = e.evidence.span();
        let sentence = sentences.get(e.sentence).copied();
        e.location = best_in(g, &places, clause)
            .and_then(|p| g.location(p.place, LocationBasis::Clause, Some((p.start, p.end))))
            .or_else(|| struck_city(g, text, e))
            .or_else(|| {
                sentence.and_then(|s| best_in(g, &places, s)).and_then(|p| {
                    g.location(p.place, LocationBasis::Sentence, Some((p.start, p.end)))
                })
            })
            .or_else(|| {
                let country = |a: &ActorRef| {
                    ActorCode::parse(&a.code)
                        .and_then(|c| c.country())
                        .and_then(|iso| g.country(iso))
                };
                e.target
                    .as_ref()
                    .and_then(country)
                    .map(|c| (c, LocationBasis::Target))
                    .or_else(|| country(&e.source).map(|c| (c, LocationBasis::Source)))
                    .and_then(|(c, basis)| g.location(c, basis, None))
            });
    }
}

/// An attack on, or a visit to, a target the text names by a city of its
/// country ("Russia struck Kyiv", "Israel bombed Beirut", "Blinken visited
/// Kyiv"): the city, where the target's country would say no more than the
/// country. A city so named is an actor, not a place mention (the
/// government it stands for); only these events, which happen where they
/// reach, are placed at it.
fn struck_city(g: &Gazetteer, text: &str, e: &Event) -> Option<Location> {
    let root = e.cameo.get(..2)?;
    if !(matches!(root, "18" | "19" | "20") || e.cameo.starts_with("042")) {
        return None;
    }
    let target = e.target.as_ref()?;
    let country = ActorCode::parse(&target.code)?.country()?;
    let name = target.name.as_str();
    let readings = g.lookup(name)?;
    let city = readings
        .places
        .iter()
        .filter_map(|&(idx, _)| Some((idx, g.place(idx)?)))
        .filter(|(_, p)| p.precision() == LocationPrecision::City && p.country == country)
        .max_by_key(|(_, p)| (p.feature == "PPLC", p.population))?
        .0;
    // The name's span inside the clause, when the clause names it so.
    let clause = e.evidence.span();
    let span = text
        .get(clause.start..clause.end)
        .and_then(|t| t.find(name))
        .map(|at| (clause.start + at, clause.start + at + name.len()));
    g.location(city, LocationBasis::Clause, span)
}

/// The place of `places` inside `span` that best says where.
fn best_in<'p>(g: &Gazetteer, places: &'p [PlaceMention], span: Span) -> Option<&'p PlaceMention> {
    places
        .iter()
        .filter(|p| p.start >= span.start && p.end <= span.end)
        .min_by_key(|p| {
            let country = g
                .place(p.place)
                .is_none_or(|x| x.precision() == LocationPrecision::Country);
            let cue = match p.cue {
                PlaceCue::Context => 0,
                PlaceCue::Bare => 1,
                PlaceCue::Possessor => 2,
            };
            (country, cue, p.start)
        })
}

#[cfg(test)]
mod tests {
    use crate::code_text;
    use chrono::NaiveDate;
    use entente_annotate::ActorResolver;
    use entente_core::{LocationBasis, LocationPrecision};

    /// (sentence, the expected place's name, its country, precision, basis)
    /// of the first event coded.
    const CASES: &[(&str, &str, &str, LocationPrecision, LocationBasis)] = &[
        (
            "Russian forces shelled residential areas in Kherson on Monday.",
            "Kherson",
            "UKR",
            LocationPrecision::City,
            LocationBasis::Clause,
        ),
        (
            "Polish troops clashed with Belarusian guards near the border town of Brest.",
            "Brest",
            "BLR",
            LocationPrecision::City,
            LocationBasis::Clause,
        ),
        (
            "China sent warships off the coast of Taiwan, officials said.",
            "Taiwan",
            "TWN",
            LocationPrecision::Country,
            LocationBasis::Clause,
        ),
        (
            "Kyiv said Russia had attacked Ukraine.",
            "Ukraine",
            "UKR",
            LocationPrecision::Country,
            LocationBasis::Target,
        ),
        // A capital or a city named as the target of an attack or a visit.
        (
            "Russia struck Kyiv with missiles overnight.",
            "Kyiv",
            "UKR",
            LocationPrecision::City,
            LocationBasis::Clause,
        ),
        (
            "Israel bombed Beirut on Sunday.",
            "Beirut",
            "LBN",
            LocationPrecision::City,
            LocationBasis::Clause,
        ),
        // Not a verbal event: the target's country.
        (
            "Russia criticised Kyiv on Monday.",
            "Ukraine",
            "UKR",
            LocationPrecision::Country,
            LocationBasis::Target,
        ),
        (
            "Russia attacked Ukraine's capital with drones.",
            "Kyiv",
            "UKR",
            LocationPrecision::City,
            LocationBasis::Clause,
        ),
    ];

    #[test]
    fn events_are_placed_where_the_text_says() {
        let day = NaiveDate::from_ymd_opt(2023, 5, 2);
        for &(text, name, country, precision, basis) in CASES {
            let mentions = ActorResolver::embedded().find_mentions(text, day);
            let coded = code_text("d", text, day, &mentions);
            let e = coded
                .events
                .first()
                .unwrap_or_else(|| panic!("no event in {text:?}"));
            let loc = e
                .location
                .as_ref()
                .unwrap_or_else(|| panic!("no location in {text:?}"));
            assert_eq!(
                (
                    loc.name.as_str(),
                    loc.country.as_str(),
                    loc.precision,
                    loc.basis
                ),
                (name, country, precision, basis),
                "{text}"
            );
            if let (Some(s), Some(e)) = (loc.start, loc.end) {
                assert!(text
                    .get(s..e)
                    .is_some_and(|t| t.contains(name) || t.contains("capital")));
            }
        }
    }
}
