//! `POST /api/updates/{id}/accept`, `/reject` and `/reopen`: a token
//! holder decides a proposed knowledge-base update, as `entente updates`
//! does on the command line (`entente_pipeline::knowledge::decide`).

use crate::error::ApiError;
use crate::guard::bearer;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use entente_know::Applied;
use entente_pipeline::knowledge::{decide, DecisionError};
use entente_store::{UpdateId, UpdateStatus};
use serde_json::{json, Value};

pub(crate) async fn accept(
    state: State<AppState>,
    headers: HeaderMap,
    id: Path<String>,
) -> Result<Json<Value>, ApiError> {
    decision(state, headers, id, UpdateStatus::Accepted).await
}

pub(crate) async fn reject(
    state: State<AppState>,
    headers: HeaderMap,
    id: Path<String>,
) -> Result<Json<Value>, ApiError> {
    decision(state, headers, id, UpdateStatus::Rejected).await
}

pub(crate) async fn reopen(
    state: State<AppState>,
    headers: HeaderMap,
    id: Path<String>,
) -> Result<Json<Value>, ApiError> {
    decision(state, headers, id, UpdateStatus::Proposed).await
}

/// Sets update `id` to `status` for a request bearing the server's token,
/// and answers with the update as it now stands. Without a token configured
/// nobody may decide: 403.
async fn decision(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    status: UpdateStatus,
) -> Result<Json<Value>, ApiError> {
    let Some(token) = state.token() else {
        return Err(ApiError::forbidden(
            "deciding updates is off: start the server with --token",
        ));
    };
    bearer(token, &headers)?;
    let id = id
        .trim()
        .parse::<i64>()
        .map(UpdateId)
        .map_err(|_| ApiError::bad_request(format!("update id {id:?} is not a number")))?;
    let writer = state.clone();
    let (changed, note, already, now) = tokio::task::spawn_blocking(move || {
        let mut store = writer
            .writer()
            .ok_or_else(|| ApiError::internal("a token but no writing connection"))?;
        let decided = decide(&mut store, id, status).map_err(refused)?;
        let now = store
            .update(id)?
            .ok_or_else(|| ApiError::internal(format!("update {id} vanished")))?;
        let already = match decided.applied {
            Some(Applied::AlreadyMember { known, reported }) => Some(json!({
                "known": known,
                "reported": reported,
            })),
            _ => None,
        };
        Ok::<_, ApiError>((decided.changed, decided.note(), already, now))
    })
    .await
    .map_err(|e| ApiError::internal(format!("decision task failed: {e}")))??;
    // Rebuilt now, so that every answer from here on, the events' included,
    // uses the knowledge base with this decision.
    state.fresh_knowledge().await?;
    Ok(Json(json!({
        "changed": changed,
        "update": entente_pipeline::shapes::stored_update(&now),
        // An accession the knowledge base already had: its date and the
        // report's (the knowledge base keeps its own), and a sentence.
        "already_member": already,
        "note": note,
    })))
}

/// A refused decision is the client's to see; a failure is logged only.
fn refused(e: DecisionError) -> ApiError {
    match e {
        DecisionError::NotFound(_) => ApiError::not_found(e.to_string()),
        DecisionError::Decided { .. } | DecisionError::RejectedFact { .. } => {
            ApiError::conflict(e.to_string())
        }
        DecisionError::CannotApply(_) => ApiError::unprocessable(e.to_string()),
        DecisionError::Knowledge(_) | DecisionError::Store(_) => ApiError::internal(e.to_string()),
    }
}
