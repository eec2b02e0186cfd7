//! Events: the filtered, paged list and its downloads, the timeline, the
//! network, the map and actor profiles, each one query of the store
//! (`entente_store::EventFilter` is the one definition of the filters).

use super::export::{self, Format};
use super::{param, parse_date, parse_limit};
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use entente_code::CodeTable;
use entente_core::Event;
use entente_store::{ActorProfile, EventCursor, EventFilter, Network, Story};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::HashMap;

/// The filters every event endpoint takes.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct EventParams {
    actor: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    quad: Option<String>,
    from: Option<String>,
    to: Option<String>,
    place: Option<String>,
    doc: Option<String>,
    cursor: Option<String>,
    limit: Option<String>,
    format: Option<String>,
    nodes: Option<String>,
    copies: Option<String>,
}

impl EventParams {
    pub(crate) fn query(&self) -> Result<EventFilter, ApiError> {
        let mut q = EventFilter {
            actor: param(&self.actor).map(str::to_string),
            from: parse_date("from", self.from.as_deref())?,
            to: parse_date("to", self.to.as_deref())?,
            place: param(&self.place).map(str::to_uppercase),
            doc: param(&self.doc).map(str::to_string),
            copies: match param(&self.copies) {
                None | Some("0" | "false") => false,
                Some("1" | "true") => true,
                Some(other) => {
                    return Err(ApiError::bad_request(format!(
                        "copies={other:?}: give true or false"
                    )))
                }
            },
            ..EventFilter::default()
        };
        // A CAMEO code is digits; anything else names a PLOVER type.
        if let Some(t) = param(&self.kind) {
            if t.bytes().all(|b| b.is_ascii_digit()) {
                q.cameo = Some(t.to_string());
            } else {
                q.plover = Some(t.to_uppercase());
            }
        }
        if let Some(quads) = param(&self.quad) {
            for part in quads.split(',') {
                match part.trim().parse::<u8>() {
                    Ok(n @ 1..=4) => q.quad.push(n),
                    _ => {
                        return Err(ApiError::bad_request(format!(
                            "quad={quads:?}: give quad classes 1 to 4, comma-separated"
                        )))
                    }
                }
            }
        }
        Ok(q)
    }
}

/// An event with its CAMEO description, as the API sends it; with its
/// story (the content id of the story's first document) and how many other
/// documents tell it, when the store was asked.
#[derive(Serialize)]
pub(crate) struct Labelled<'a> {
    #[serde(flatten)]
    event: &'a Event,
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copies: Option<usize>,
}

/// The stories of the documents `docs` (public ids), by public id.
pub(crate) fn stories_of<'a>(
    store: &entente_store::Store,
    docs: impl IntoIterator<Item = &'a str>,
) -> entente_store::Result<HashMap<String, Story>> {
    let mut stories = HashMap::new();
    for doc in docs {
        if !stories.contains_key(doc) {
            if let Some(story) = store.story(doc)? {
                stories.insert(doc.to_string(), story);
            }
        }
    }
    Ok(stories)
}

/// `events` labelled, each with its story from `stories`.
pub(crate) fn labelled_in<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    stories: &HashMap<String, Story>,
) -> Vec<Labelled<'a>> {
    events
        .into_iter()
        .map(|e| {
            let mut l = label(e);
            if let Some(story) = stories.get(&*e.doc) {
                l.story = Some(story.id.to_string());
                l.copies = Some(story.documents.len().saturating_sub(1));
            }
            l
        })
        .collect()
}

/// A page of `/api/events`.
#[derive(Serialize)]
struct EventPage<'a> {
    events: Vec<Labelled<'a>>,
    total: usize,
    next_cursor: Option<String>,
}

fn label(event: &Event) -> Labelled<'_> {
    Labelled {
        event,
        label: CodeTable::embedded()
            .get(&event.cameo)
            .map(|c| c.description.as_str()),
        story: None,
        copies: None,
    }
}

pub(crate) async fn list(
    State(state): State<AppState>,
    Query(p): Query<EventParams>,
) -> Result<Response, ApiError> {
    let mut q = p.query()?;
    let limit = parse_limit(p.limit.as_deref(), 100)?;
    q.after = match param(&p.cursor) {
        None => None,
        Some(c) => Some(
            EventCursor::parse(c)
                .ok_or_else(|| ApiError::bad_request(format!("cursor={c:?} is not a cursor")))?,
        ),
    };
    let format = Format::parse(param(&p.format))?;
    let page = state.read(move |s| Ok(s.event_page(&q, limit)?)).await?;
    let next = page.next.map(|k| k.to_string());
    if format == Format::Gdelt {
        return export::gdelt(&state, page.events, next).await;
    }
    let events: Vec<&Event> = page.events.iter().map(|(_, e)| e).collect();
    let stories = if format == Format::Json {
        let docs: Vec<String> = events.iter().map(|e| e.doc.to_string()).collect();
        state
            .read(move |s| Ok(stories_of(s, docs.iter().map(String::as_str))?))
            .await?
    } else {
        HashMap::new()
    };
    Ok(match format {
        Format::Jsonl => export::respond(format, export::jsonl(&events), next),
        Format::Csv => export::respond(format, export::csv(&events), next),
        // GDELT was answered above, where the documents can be read.
        // Serialised directly, not through `json!`: an f32 Goldstein score
        // widened to f64 would print as 5.19999809265137.
        Format::Json | Format::Gdelt => Json(EventPage {
            events: labelled_in(events.iter().copied(), &stories),
            total: usize::try_from(page.total).unwrap_or(usize::MAX),
            next_cursor: next,
        })
        .into_response(),
    })
}

pub(crate) async fn timeline(
    State(state): State<AppState>,
    Query(p): Query<EventParams>,
) -> Result<Json<Value>, ApiError> {
    let q = p.query()?;
    let days = state
        .aggregate(
            "timeline",
            q,
            String::new(),
            |s, q| Ok(s.event_timeline(q)?),
        )
        .await?;
    Ok(Json(json!({ "days": days.as_ref() })))
}

pub(crate) async fn network(
    State(state): State<AppState>,
    Query(p): Query<EventParams>,
) -> Result<Json<Network>, ApiError> {
    let q = p.query()?;
    let nodes = match param(&p.nodes) {
        None => 40,
        Some(n) => match n.parse::<usize>() {
            Ok(n @ 1..=200) => n,
            _ => return Err(ApiError::bad_request(format!("nodes={n:?}: give 1 to 200"))),
        },
    };
    let network = state
        .aggregate("network", q, nodes.to_string(), move |s, q| {
            Ok(s.event_network(q, nodes)?)
        })
        .await?;
    Ok(Json(Network::clone(&network)))
}

/// How many places the map draws at most (those with most events).
const MAP_PLACES: usize = 300;

pub(crate) async fn map(
    State(state): State<AppState>,
    Query(p): Query<EventParams>,
) -> Result<Json<Value>, ApiError> {
    let q = p.query()?;
    let places_q = q.clone();
    let countries = state
        .aggregate("map", q, String::new(), |s, q| Ok(s.event_countries(q)?))
        .await?;
    let places = state
        .aggregate("map-places", places_q, MAP_PLACES.to_string(), |s, q| {
            Ok(s.event_places(q, MAP_PLACES)?)
        })
        .await?;
    Ok(Json(
        json!({ "countries": countries.as_ref(), "places": places.as_ref() }),
    ))
}

pub(crate) async fn actor(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Actor>, ApiError> {
    let id = id.trim().to_string();
    if id.is_empty() {
        return Err(ApiError::bad_request("give an actor id or code"));
    }
    let lookup = id.clone();
    let profile = state
        .aggregate("actor", EventFilter::default(), id.clone(), move |s, _| {
            Ok(s.actor_profile(&lookup)?)
        })
        .await?;
    let profile = ActorProfile::clone(&profile);
    let kb = state.knowledge();
    let organisation = kb.organisation(&id).ok().map(|o| KnownOrganisation {
        id: o.id.clone(),
        name: o.name.clone(),
    });
    let state = kb.state(&id).ok().map(|s| KnownState {
        code: s.code.clone(),
        name: s.name.clone(),
        region: s.region.clone(),
    });
    // A state or organisation the knowledge base knows has a page even
    // before any event names it: the alliance explorer links to every member.
    if profile.events == 0 && state.is_none() && organisation.is_none() {
        return Err(ApiError::not_found(format!("no events of actor {id:?}")));
    }
    Ok(Json(Actor {
        profile,
        state,
        organisation,
    }))
}

/// An actor profile, with the state it is when the knowledge base knows it.
#[derive(Serialize)]
pub(crate) struct Actor {
    #[serde(flatten)]
    profile: ActorProfile,
    state: Option<KnownState>,
    organisation: Option<KnownOrganisation>,
}

#[derive(Serialize)]
pub(crate) struct KnownOrganisation {
    id: String,
    name: String,
}

#[derive(Serialize)]
pub(crate) struct KnownState {
    code: String,
    name: String,
    region: String,
}
