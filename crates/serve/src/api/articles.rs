//! Documents: search, the article reader's record, deployments, updates.

use super::{param, parse_date, parse_limit};
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use entente_core::{Deployment, Mention, Quotation, RelatedLink, Span};
use entente_store::{DeploymentFilter, UpdateStatus};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The longest search query, in bytes: every word is looked up.
const MAX_QUERY: usize = 1000;

#[derive(Debug, Deserialize)]
pub(crate) struct SearchParams {
    q: Option<String>,
    limit: Option<String>,
}

pub(crate) async fn search(
    State(state): State<AppState>,
    Query(p): Query<SearchParams>,
) -> Result<Json<Value>, ApiError> {
    let q = param(&p.q).unwrap_or("").to_string();
    if q.len() > MAX_QUERY {
        return Err(ApiError::bad_request(format!(
            "q is longer than {MAX_QUERY} bytes"
        )));
    }
    let limit = parse_limit(p.limit.as_deref(), 20)?;
    let (hits, stories) = state
        .read(move |s| {
            let hits = s.search(&q, limit)?;
            let stories = super::events::stories_of(s, hits.iter().map(|h| h.id.as_str()))?;
            Ok((hits, stories))
        })
        .await?;
    // A story is listed once, at its best hit, with its other documents.
    let mut listed = std::collections::HashSet::new();
    let hits: Vec<Value> = hits
        .into_iter()
        .filter_map(|h| {
            let story = stories.get(h.id.as_str());
            if let Some(story) = story {
                if !listed.insert(story.id.clone()) {
                    return None;
                }
            }
            let copies: Vec<&str> = story
                .map(|st| {
                    st.copies_of(h.id.as_str())
                        .map(|d| d.public_id.as_str())
                        .collect()
                })
                .unwrap_or_default();
            Some(json!({
                "id": h.id.as_str(),
                "external_id": h.external_id,
                "title": h.title,
                "published": h.published,
                "snippet": h.snippet,
                "score": h.score,
                "story": story.map(|st| st.id.as_str()),
                "copies": copies,
            }))
        })
        .collect();
    Ok(Json(json!({ "hits": hits })))
}

#[derive(Debug, Deserialize)]
pub(crate) struct LatestParams {
    limit: Option<String>,
}

/// The latest articles, newest publication date first; a story is listed
/// once (its copies are left out).
pub(crate) async fn latest(
    State(state): State<AppState>,
    Query(p): Query<LatestParams>,
) -> Result<Json<Value>, ApiError> {
    let limit = parse_limit(p.limit.as_deref(), 20)?;
    let docs = state.read(move |s| Ok(s.latest_documents(limit)?)).await?;
    let articles: Vec<Value> = docs
        .into_iter()
        .map(|h| {
            json!({
                "id": h.id.as_str(),
                "external_id": h.external_id,
                "title": h.title,
                "published": h.published,
            })
        })
        .collect();
    Ok(Json(json!({ "articles": articles })))
}

pub(crate) async fn stats(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let (c, stories) = state
        .read(|s| Ok((s.counts()?, s.count_stories()?)))
        .await?;
    Ok(Json(json!({
        "documents": c.documents,
        "stories": stories,
        "mentions": c.mentions,
        "events": c.events,
        "quotations": c.quotations,
        "deployments": c.deployments,
        "updates": c.updates,
    })))
}

/// Highlights the reader draws (dates, quantities), each with its span.
fn spans_json(spans: impl IntoIterator<Item = (Span, Value)>) -> Vec<Value> {
    spans
        .into_iter()
        .map(|(s, mut v)| {
            if let Value::Object(m) = &mut v {
                m.insert("start".into(), s.start.into());
                m.insert("end".into(), s.end.into());
            }
            v
        })
        .collect()
}

pub(crate) async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let lookup = id.clone();
    let (record, story) = state
        .read(move |s| Ok((s.record(&lookup)?, s.story(&lookup)?)))
        .await?;
    let record =
        record.ok_or_else(|| ApiError::not_found(format!("no document with id {id:?}")))?;
    let d = &record.document;
    // Stored with the document when the pipeline found them; a document
    // stored without them (an older store, another writer) has them found
    // now.
    let spans = record
        .spans
        .clone()
        .unwrap_or_else(|| entente_pipeline::text_spans(d));
    let dates = spans_json(spans.dates.iter().map(|t| {
        (
            t.span,
            json!({ "date": t.date, "precision": t.precision, "text": t.span.slice(&d.text) }),
        )
    }));
    let quantities = spans_json(spans.quantities.iter().map(|q| {
        (
            q.span,
            json!({ "value": q.value, "text": q.span.slice(&d.text) }),
        )
    }));
    let paragraphs: Vec<Value> = d
        .paragraphs
        .iter()
        .map(|p| json!({ "start": p.span.start, "end": p.span.end }))
        .collect();
    let stories: std::collections::HashMap<String, entente_store::Story> = story
        .iter()
        .map(|st| (d.public_id().to_string(), st.clone()))
        .collect();
    let events = super::events::labelled_in(&record.events, &stories);
    let copies: Vec<Value> = story
        .as_ref()
        .map(|st| {
            st.copies_of(d.id.as_str())
                .map(|c| {
                    json!({
                        "id": c.id.as_str(),
                        "public_id": c.public_id,
                        "title": c.title,
                        "source": c.source,
                        "url": c.url,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    // Serialised directly, not through `json!`: f32 scores widened to f64
    // would print as 5.19999809265137.
    let body = serde_json::to_string(&Article {
        id: d.id.as_str(),
        public_id: d.public_id(),
        external_id: d.external_id.as_deref(),
        title: d
            .title
            .clone()
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| entente_core::text::headline(&d.text)),
        url: d.url.as_deref(),
        source: d.source.as_deref(),
        published: d.published,
        story: story.as_ref().map(|st| st.id.as_str()),
        copies,
        origin: d.origin.to_string(),
        text: &d.text,
        paragraphs,
        related_links: &d.related_links,
        mentions: &record.mentions,
        events,
        quotations: &record.quotations,
        deployments: &record.deployments,
        dates,
        quantities,
    })
    .map_err(|e| ApiError::internal(format!("serialising article {id}: {e}")))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// The article as `/api/articles/{id}` sends it.
#[derive(Serialize)]
struct Article<'a> {
    id: &'a str,
    public_id: &'a str,
    external_id: Option<&'a str>,
    /// The document's title, or its first sentence when it has none.
    title: String,
    url: Option<&'a str>,
    source: Option<&'a str>,
    published: Option<chrono::NaiveDate>,
    /// The content id of the first document of the article's story.
    story: Option<&'a str>,
    /// The story's other documents.
    copies: Vec<Value>,
    origin: String,
    text: &'a str,
    paragraphs: Vec<Value>,
    related_links: &'a [RelatedLink],
    mentions: &'a [Mention],
    events: Vec<super::events::Labelled<'a>>,
    quotations: &'a [Quotation],
    deployments: &'a [Deployment],
    dates: Vec<Value>,
    quantities: Vec<Value>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct DeploymentParams {
    by: Option<String>,
    to: Option<String>,
    on: Option<String>,
    limit: Option<String>,
}

pub(crate) async fn deployments(
    State(state): State<AppState>,
    Query(p): Query<DeploymentParams>,
) -> Result<Json<Value>, ApiError> {
    let filter = DeploymentFilter {
        by: param(&p.by).map(str::to_uppercase),
        to: param(&p.to).map(str::to_uppercase),
        active_on: parse_date("on", p.on.as_deref())?,
        limit: Some(parse_limit(p.limit.as_deref(), 100)?),
    };
    let found = state.read(move |s| Ok(s.deployments(&filter)?)).await?;
    Ok(Json(json!({ "deployments": found })))
}

#[derive(Debug, Deserialize)]
pub(crate) struct UpdateParams {
    status: Option<String>,
}

pub(crate) async fn updates(
    State(state): State<AppState>,
    Query(p): Query<UpdateParams>,
) -> Result<Json<Value>, ApiError> {
    let status = match param(&p.status) {
        None => None,
        Some("proposed") => Some(UpdateStatus::Proposed),
        Some("accepted") => Some(UpdateStatus::Accepted),
        Some("rejected") => Some(UpdateStatus::Rejected),
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "status={other:?}: give proposed, accepted or rejected"
            )))
        }
    };
    let found = state.read(move |s| Ok(s.updates(status)?)).await?;
    // The command line's shape: the change as `payload` and as `update`.
    let found: Vec<Value> = found
        .iter()
        .map(entente_pipeline::shapes::stored_update)
        .collect();
    Ok(Json(json!({ "updates": found })))
}
