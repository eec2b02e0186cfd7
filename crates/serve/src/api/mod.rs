//! The JSON API under `/api`, described by `openapi.json`.

mod articles;
mod decisions;
mod documents;
mod events;
mod export;
mod knowledge;

use crate::config::MAX_PAGE;
use crate::error::ApiError;
use crate::state::AppState;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use chrono::NaiveDate;

/// The OpenAPI 3.0 description of this API.
pub const OPENAPI: &str = include_str!("openapi.json");

/// The routes under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/stats", get(articles::stats))
        .route("/api/search", get(articles::search))
        .route("/api/articles", get(articles::latest))
        .route("/api/articles/:id", get(articles::article))
        .route("/api/events", get(events::list))
        .route("/api/timeline", get(events::timeline))
        .route("/api/network", get(events::network))
        .route("/api/map", get(events::map))
        .route("/api/actors/:id", get(events::actor))
        .route("/api/names/:name", get(knowledge::name))
        .route("/api/deployments", get(articles::deployments))
        .route("/api/updates", get(articles::updates))
        .route("/api/updates/:id/accept", post(decisions::accept))
        .route("/api/updates/:id/reject", post(decisions::reject))
        .route("/api/updates/:id/reopen", post(decisions::reopen))
        .route("/api/organisations", get(knowledge::organisations))
        .route("/api/members/:org", get(knowledge::members))
        .route("/api/obligations", get(knowledge::obligations))
        .route("/api/partners/:org", get(knowledge::partners))
        .route("/api/treaties", get(knowledge::treaties))
        .route("/api/documents", post(documents::post))
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

/// A date parameter: `YYYY-MM-DD`.
pub(crate) fn parse_date(name: &str, v: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ApiError::bad_request(format!("{name}={s:?} is not a date (YYYY-MM-DD)"))),
    }
}

/// A page size: `default` when absent, at most [`MAX_PAGE`].
pub(crate) fn parse_limit(v: Option<&str>, default: usize) -> Result<usize, ApiError> {
    let Some(s) = v.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(default);
    };
    match s.parse::<usize>() {
        Ok(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        _ => Err(ApiError::bad_request(format!(
            "limit={s:?}: give a number from 1 to {MAX_PAGE}"
        ))),
    }
}

/// A non-empty, trimmed parameter.
pub(crate) fn param(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}
