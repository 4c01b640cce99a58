//! Errors: the crate's own, and the JSON error every endpoint answers with.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A crate-wide result alias.
pub type Result<T> = std::result::Result<T, Error>;

/// What can go wrong setting up or running the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An option is invalid (a CORS origin that is not an origin…).
    #[error("{0}")]
    InvalidOption(String),
    /// Listening or accepting failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

/// An error answered to a client: `{"error": {"code", "message"}}` with an HTTP status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable machine-readable code (`bad_parameter`, `not_found`, `index_unavailable`…).
    pub code: &'static str,
    /// What went wrong, for a person.
    pub message: String,
}

impl ApiError {
    /// 400: a parameter is missing, malformed or out of bounds.
    pub fn bad_parameter(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_parameter", message)
    }

    /// 404: no such thing.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 503: the index cannot be opened (yet).
    pub fn unavailable(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "index_unavailable", message)
    }

    /// 503: the request took longer than the server allows.
    pub fn timeout() -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "timeout", "the request took too long")
    }

    /// 500: a bug or an I/O failure; the message is kept general on purpose.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into() }
    }
}

impl From<depeche_query::Error> for ApiError {
    fn from(e: depeche_query::Error) -> ApiError {
        match e {
            depeche_query::Error::InvalidRequest(m) => {
                ApiError::new(StatusCode::BAD_REQUEST, "invalid_request", m)
            }
            depeche_query::Error::Index(e) => ApiError::unavailable(e.to_string()),
            e => ApiError::internal(e.to_string()),
        }
    }
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    code: &'a str,
    message: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body { error: Inner { code: self.code, message: &self.message } };
        (self.status, Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_errors_map_to_statuses() {
        let e: ApiError =
            depeche_query::Error::InvalidRequest("limit is at most 1000".into()).into();
        assert_eq!((e.status, e.code), (StatusCode::BAD_REQUEST, "invalid_request"));
        let e: ApiError =
            depeche_query::Error::Index(depeche_index::Error::NotFound("/x".into())).into();
        assert_eq!((e.status, e.code), (StatusCode::SERVICE_UNAVAILABLE, "index_unavailable"));
    }
}
