//! What can go wrong starting the server, and how a request fails.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

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
///
/// A 500's message is for the log only: it may name files, SQL or
/// document text, so the client gets `{"error": "internal error", "id": N}`
/// and the log the message under the same id.
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

    /// A request that contradicts what the store holds (a decision on an
    /// update that was decided already).
    pub fn conflict(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::CONFLICT,
            message: message.into(),
        }
    }

    /// A request that is well-formed but cannot be acted on (a posted
    /// document the pipeline refuses).
    pub fn unprocessable(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: message.into(),
        }
    }

    /// A failure of the server's own: `message` is logged, never sent.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl From<entente_store::StoreError> for ApiError {
    fn from(e: entente_store::StoreError) -> ApiError {
        ApiError::internal(format!("store: {e}"))
    }
}

impl From<entente_know::KnowError> for ApiError {
    fn from(e: entente_know::KnowError) -> ApiError {
        // The knowledge base fails only on names it does not know.
        ApiError::not_found(e.to_string())
    }
}

/// Numbers the internal errors of this process, so that a client's report
/// can be found in the log.
static INTERNAL_ERRORS: AtomicU64 = AtomicU64::new(1);

/// The body of a 500: nothing of what failed, and the id under which the
/// log has the detail.
pub(crate) fn internal_error_response(detail: &str) -> Response {
    let id = INTERNAL_ERRORS.fetch_add(1, Ordering::Relaxed);
    tracing::error!(error_id = id, "internal error: {detail}");
    let body = serde_json::json!({ "error": "internal error", "id": id });
    (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status == StatusCode::INTERNAL_SERVER_ERROR {
            return internal_error_response(&self.message);
        }
        let body = serde_json::json!({ "error": self.message });
        (self.status, Json(body)).into_response()
    }
}
