//! `POST /api/documents`: the one writing route, off unless the server was
//! started with a token.

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use chrono::NaiveDate;
use entente_core::{Content, Origin, RawDocument};
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
    published: Option<NaiveDate>,
    source: Option<String>,
}

/// Compares without stopping at the first difference, so the time taken
/// does not reveal how much of a guessed token was right.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Checks the bearer token; the route does not exist without one.
fn authorise(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let (Some(token), Some(_)) = (state.token(), state.pipeline()) else {
        return Err(ApiError::not_found(
            "no such route: this server is read-only",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(g) if same(g.as_bytes(), token.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::forbidden("wrong token")),
        None => Err(ApiError::forbidden("send Authorization: Bearer TOKEN")),
    }
}

pub(crate) async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    authorise(&state, &headers)?;
    let posted: PostedDocument = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("document JSON: {e}")))?;
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
        published: posted.published,
        source: posted.source,
        content,
    };
    let worker = state.clone();
    let (id, stored, events) = tokio::task::spawn_blocking(move || {
        let pipeline = worker
            .pipeline()
            .ok_or_else(|| ApiError::not_found("posting is off"))?;
        let record = pipeline(raw).map_err(ApiError::bad_request)?;
        let mut store = worker
            .writer()
            .ok_or_else(|| ApiError::not_found("posting is off"))?;
        // Held across the write, so a refresh never sees the store and the
        // index disagree about this document.
        let mut index = worker.index_mut();
        let outcome = store.write_batch(std::slice::from_ref(&record))?;
        let stored = outcome.stored == 1;
        let events = record.events.len();
        if stored {
            index.extend(record.events);
        }
        Ok::<_, ApiError>((record.document.id.to_string(), stored, events))
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

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
    }
}
