//! What can go wrong starting the server, and how a request fails.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::path::PathBuf;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The store could not be opened.
    #[error("cannot serve store {path}: {source}")]
    Store {
        path: PathBuf,
        #[source]
        source: entente_store::StoreError,
    },
    /// The compiled-in knowledge base did not load.
    #[error("cannot load the knowledge base: {0}")]
    Knowledge(#[from] entente_know::KnowError),
    /// The listening address is not an address, or cannot be bound.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    /// The async runtime could not start, or the server failed.
    #[error("server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// A request that could not be answered: an HTTP status and a message,
/// sent as `{"error": message}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::FORBIDDEN,
            message: message.into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl From<entente_store::StoreError> for ApiError {
    fn from(e: entente_store::StoreError) -> ApiError {
        tracing::error!("store: {e}");
        ApiError::internal(format!("store: {e}"))
    }
}

impl From<entente_know::KnowError> for ApiError {
    fn from(e: entente_know::KnowError) -> ApiError {
        // The knowledge base fails only on names it does not know.
        ApiError::not_found(e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message });
        (self.status, Json(body)).into_response()
    }
}
