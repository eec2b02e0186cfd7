//! `POST /api/documents`: the one writing route, off unless the server was
//! started with a token.

use crate::error::ApiError;
use crate::guard::bearer;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use entente_core::published::parse_publication_date;
use entente_core::{Content, Origin, RawDocument};
use entente_store::{DocumentRecord, StoreError};
use serde::Deserialize;
use serde_json::{json, Value};

/// A posted article: `text` or `html`, and what is known about it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PostedDocument {
    id: Option<String>,
    text: Option<String>,
    html: Option<String>,
    title: Option<String>,
    url: Option<String>,
    /// Checked with [`parse_publication_date`]: `YYYY-MM-DD`, RFC 3339 or
    /// RFC 2822, years 1800–2200.
    published: Option<String>,
    source: Option<String>,
}

/// Checks the bearer token; the route does not exist without one.
fn authorise(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let (Some(token), Some(_)) = (state.token(), state.pipeline()) else {
        return Err(ApiError::not_found(
            "no such route: this server is read-only",
        ));
    };
    bearer(token, headers)
}

pub(crate) async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    authorise(&state, &headers)?;
    let posted: PostedDocument = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("document JSON: {e}")))?;
    let published = match posted.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(p) => Some(
            parse_publication_date(p)
                .map_err(|e| ApiError::unprocessable(format!("field published: {e}")))?,
        ),
    };
    let content = match (posted.text, posted.html) {
        (Some(t), None) => Content::Text(t),
        (None, Some(h)) => Content::Html(h),
        _ => return Err(ApiError::bad_request("give exactly one of text and html")),
    };
    let raw = RawDocument {
        origin: Origin::file("POST /api/documents"),
        external_id: posted.id,
        url: posted.url,
        title: posted.title,
        published,
        source: posted.source,
        content,
    };
    // On a blocking thread: the pipeline is CPU work, and the write waits
    // for SQLite's lock; neither may hold up the async workers.
    let worker = state.clone();
    let (id, stored, events) = tokio::task::spawn_blocking(move || {
        // Before any lock: reads and other posts go on meanwhile.
        let record = run_pipeline(&worker, raw)?;
        store_record(&worker, record)
    })
    .await
    .map_err(|e| ApiError::internal(format!("posting task failed: {e}")))??;
    let status = if stored {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(json!({ "id": id, "stored": stored, "duplicate": !stored, "events": events })),
    ))
}

/// Runs the caller's pipeline on one document. What it refuses, and a
/// panic inside it, is a 422: that document cannot be stored, and the
/// server goes on.
fn run_pipeline(state: &AppState, raw: RawDocument) -> Result<DocumentRecord, ApiError> {
    let pipeline = state
        .pipeline()
        .ok_or_else(|| ApiError::not_found("posting is off"))?;
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline(raw))) {
        Ok(Ok(record)) => Ok(record),
        Ok(Err(reason)) => Err(ApiError::unprocessable(format!(
            "the document yields nothing to store: {reason}"
        ))),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            tracing::error!("the pipeline panicked on a posted document: {what}");
            Err(ApiError::unprocessable(
                "the document could not be processed",
            ))
        }
    }
}

/// Writes a record: the only step that holds the writing connection, for
/// one short transaction. Its events are served once it commits, since
/// every event query reads the store; readers never wait for it.
fn store_record(
    state: &AppState,
    record: DocumentRecord,
) -> Result<(String, bool, usize), ApiError> {
    let mut store = state
        .writer()
        .ok_or_else(|| ApiError::not_found("posting is off"))?;
    let outcome = match store.write_batch(std::slice::from_ref(&record)) {
        Ok(outcome) => outcome,
        Err(e @ StoreError::InvalidRecord { .. }) => {
            tracing::error!("a posted document's record was refused: {e}");
            return Err(ApiError::unprocessable(
                "the document's record could not be stored",
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let stored = outcome.stored == 1;
    let events = record.events.len();
    Ok((record.document.id.to_string(), stored, events))
}
