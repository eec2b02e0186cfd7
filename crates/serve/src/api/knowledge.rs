//! The alliance knowledge base: members, obligations, partners, treaties.

use super::{param, parse_date};
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::Json;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Debug, Deserialize)]
pub(crate) struct OnParams {
    on: Option<String>,
    region: Option<String>,
}

/// The date asked, today (in UTC, as the command line) when none.
fn on_or_today(v: Option<&str>) -> Result<NaiveDate, ApiError> {
    Ok(parse_date("on", v)?.unwrap_or_else(entente_pipeline::shapes::today))
}

pub(crate) async fn organisations(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let orgs: Vec<Value> = state
        .fresh_knowledge()
        .await?
        .organisations()
        .iter()
        .map(|o| json!({ "id": o.id, "name": o.name, "aliases": o.aliases }))
        .collect();
    Ok(Json(json!({ "organisations": orgs })))
}

/// Who a name is on a date: the command line's `entente actor NAME --on DATE
/// --format json`, with `former` for a role that had ended.
pub(crate) async fn name(
    Path(name): Path<String>,
    Query(p): Query<OnParams>,
) -> Result<Json<Value>, ApiError> {
    let on = on_or_today(p.on.as_deref())?;
    let name = name.trim();
    if name.is_empty() {
        return Err(ApiError::bad_request("give a name"));
    }
    entente_pipeline::shapes::actor(name, on)
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no actor is known as {name:?} on {on}")))
}

pub(crate) async fn members(
    State(state): State<AppState>,
    Path(org): Path<String>,
    Query(p): Query<OnParams>,
) -> Result<Json<Value>, ApiError> {
    let on = on_or_today(p.on.as_deref())?;
    Ok(Json(json!(state
        .fresh_knowledge()
        .await?
        .members(&org, on)?)))
}

#[derive(Debug, Deserialize)]
pub(crate) struct ObligationParams {
    attacked: Option<String>,
    on: Option<String>,
    treaty: Option<String>,
    #[serde(rename = "where")]
    place: Option<String>,
}

pub(crate) async fn obligations(
    State(state): State<AppState>,
    Query(p): Query<ObligationParams>,
) -> Result<Json<Value>, ApiError> {
    let attacked = param(&p.attacked)
        .ok_or_else(|| ApiError::bad_request("give attacked=STATE (a code or a name)"))?;
    let on = on_or_today(p.on.as_deref())?;
    let answer = state.fresh_knowledge().await?.obligations(
        attacked,
        on,
        param(&p.treaty),
        param(&p.place),
    )?;
    // The command line's shape: the answer and how many states each treaty binds.
    Ok(Json(entente_pipeline::shapes::obligations(&answer)))
}

pub(crate) async fn partners(
    State(state): State<AppState>,
    Path(org): Path<String>,
    Query(p): Query<OnParams>,
) -> Result<Json<Value>, ApiError> {
    let kb = state.fresh_knowledge().await?;
    let region = param(&p.region);
    let answer = match parse_date("on", p.on.as_deref())? {
        Some(on) => kb.partners_on(&org, region, on)?,
        None => kb.partners(&org, region)?,
    };
    Ok(Json(json!(answer)))
}

#[derive(Debug, Deserialize)]
pub(crate) struct TreatiesParams {
    a: Option<String>,
    b: Option<String>,
    on: Option<String>,
    ever: Option<String>,
}

/// Every treaty binding two states on a date (today by default), or with
/// `ever=true` every one that ever did, as `entente treaties --between A B`.
pub(crate) async fn treaties(
    State(state): State<AppState>,
    Query(p): Query<TreatiesParams>,
) -> Result<Json<Value>, ApiError> {
    let (Some(a), Some(b)) = (param(&p.a), param(&p.b)) else {
        return Err(ApiError::bad_request(
            "give a=STATE and b=STATE (codes or names)",
        ));
    };
    let ever = match param(&p.ever) {
        None | Some("false") | Some("0") => false,
        Some("true") | Some("1") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "ever={other:?} is not true or false"
            )))
        }
    };
    let on = match ever {
        true => None,
        false => Some(on_or_today(p.on.as_deref())?),
    };
    Ok(Json(json!(state
        .fresh_knowledge()
        .await?
        .treaties_between(a, b, on)?)))
}
