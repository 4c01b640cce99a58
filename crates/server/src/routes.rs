//! The endpoints, and the router that puts them together with the safety layers.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use depeche_query::Searcher;
use serde::Serialize;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::assets;
use crate::error::{ApiError, Error, Result};
use crate::index::IndexHandle;
use crate::params::{self, Limits, MAX_ID_BYTES};
use crate::persons::{self as person_list, Persons};
use crate::serve::Options;

/// What every handler shares.
#[derive(Clone)]
struct AppState {
    index: IndexHandle,
    limits: Limits,
    timeout: Duration,
    /// Searches are CPU-bound: at most this many run at once on the blocking pool.
    work: Arc<Semaphore>,
    /// Every person with their name keys, for `/api/persons`.
    persons: Arc<Persons>,
}

/// The application: every endpoint, the page, and the layers (CORS when asked, security
/// headers, panics turned into a JSON 500, request bodies refused past a few KiB).
pub fn router(index: IndexHandle, opts: &Options) -> Result<Router> {
    let state = AppState {
        index,
        limits: Limits { max_limit: opts.max_limit, max_query_bytes: opts.max_query_bytes },
        timeout: opts.request_timeout,
        work: Arc::new(Semaphore::new(opts.search_threads.max(1))),
        persons: Arc::new(Persons::default()),
    };
    let mut app = Router::new()
        .route("/", get(page))
        .route("/assets/app.js", get(script))
        .route("/assets/app.css", get(style))
        .route("/api/search", get(search))
        .route("/api/dispatches/{id}", get(dispatch))
        .route("/api/persons", get(persons))
        .route("/api/stats", get(stats))
        .route("/health", get(health))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(CatchPanicLayer::custom(panic_response))
        // Every endpoint is a GET: a body is never needed.
        .layer(RequestBodyLimitLayer::new(16 * 1024));
    if let Some(origin) = &opts.cors {
        app = app.layer(cors(origin)?);
    }
    Ok(app)
}

/// CORS for exactly one origin, read-only.
fn cors(origin: &str) -> Result<CorsLayer> {
    let valid = (origin.starts_with("http://") || origin.starts_with("https://"))
        && !origin.split_once("://").is_some_and(|(_, rest)| rest.is_empty() || rest.contains('/'));
    let value = HeaderValue::from_str(origin).ok().filter(|_| valid).ok_or_else(|| {
        Error::InvalidOption(format!(
            "--cors {origin:?}: give one origin, like https://example.org or http://localhost:3000"
        ))
    })?;
    // A list, not `exact`: other origins get no CORS header at all.
    Ok(CorsLayer::new()
        .allow_origin(AllowOrigin::list([value]))
        .allow_methods([Method::GET, Method::HEAD]))
}

/// Runs `f` on the blocking pool (searches are CPU-bound), within the request timeout. A
/// timed-out search still finishes in the background, holding its slot, so the pool stays
/// bounded.
async fn blocking<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(Searcher) -> std::result::Result<T, ApiError> + Send + 'static,
) -> std::result::Result<T, ApiError> {
    let searcher = state.index.searcher()?;
    let work = state.work.clone();
    let job = async move {
        let permit = work.acquire_owned().await.map_err(|_| ApiError::internal("shutting down"))?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            f(searcher)
        })
        .await
        .map_err(|_| ApiError::internal("the request failed"))?
    };
    tokio::time::timeout(state.timeout, job).await.map_err(|_| ApiError::timeout())?
}

type Pairs = Vec<(String, String)>;

fn pairs(
    q: std::result::Result<Query<Pairs>, QueryRejection>,
) -> std::result::Result<Pairs, ApiError> {
    q.map(|Query(p)| p).map_err(|e| ApiError::bad_parameter(format!("bad query string: {e}")))
}

async fn search(
    State(state): State<AppState>,
    q: std::result::Result<Query<Pairs>, QueryRejection>,
) -> std::result::Result<Response, ApiError> {
    let req = params::search_request(&pairs(q)?, state.limits)?;
    let response = blocking(&state, move |s| Ok(s.search(&req)?)).await?;
    Ok(Json(response).into_response())
}

async fn dispatch(
    State(state): State<AppState>,
    id: std::result::Result<Path<String>, PathRejection>,
) -> std::result::Result<Response, ApiError> {
    let Path(id) = id.map_err(|e| ApiError::bad_parameter(format!("id: {e}")))?;
    if id.len() > MAX_ID_BYTES {
        return Err(ApiError::bad_parameter(format!(
            "id: {} bytes, at most {MAX_ID_BYTES}",
            id.len()
        )));
    }
    let shown = blocking(&state, {
        let id = id.clone();
        move |s| Ok(s.get(&id)?)
    })
    .await?;
    match shown {
        Some(shown) => Ok(Json(shown).into_response()),
        None => Err(ApiError::not_found(format!("no dispatch with id {id:?}"))),
    }
}

async fn persons(
    State(state): State<AppState>,
    q: std::result::Result<Query<Pairs>, QueryRejection>,
) -> std::result::Result<Response, ApiError> {
    let (prefix, limit) = params::persons_request(&pairs(q)?, state.limits)?;
    let list = match state.persons.current() {
        Some((list, stale)) => {
            if stale {
                refresh_persons(&state);
            }
            list
        }
        None => {
            // The first request waits for the list; a concurrent one waits for the same build.
            let _one_at_a_time = state.persons.building.lock().await;
            match state.persons.current() {
                Some((list, _)) => list,
                None => {
                    let persons = state.persons.clone();
                    blocking(&state, move |s| {
                        let list = Arc::new(person_list::build(&s)?);
                        persons.set(list.clone());
                        Ok(list)
                    })
                    .await?
                }
            }
        }
    };
    Ok(Json(person_list::lookup(&list, prefix.as_deref(), limit)).into_response())
}

/// Rebuilds the person list in the background, unless a rebuild is running.
fn refresh_persons(state: &AppState) {
    let Ok(guard) = state.persons.building.clone().try_lock_owned() else { return };
    let state = state.clone();
    tokio::spawn(async move {
        let persons = state.persons.clone();
        // Stored from within the job, so a rebuild slower than the timeout still lands.
        let _ = blocking(&state, move |s| {
            persons.set(Arc::new(person_list::build(&s)?));
            Ok(())
        })
        .await;
        drop(guard);
    });
}

async fn stats(State(state): State<AppState>) -> std::result::Result<Response, ApiError> {
    let stats = blocking(&state, |s| Ok(s.stats()?)).await?;
    Ok(Json(stats).into_response())
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
}

/// 200 when the index is open, the 503 error otherwise (so a probe sees "not ready").
async fn health(State(state): State<AppState>) -> std::result::Result<Response, ApiError> {
    state.index.searcher()?;
    Ok(Json(Health { status: "ok" }).into_response())
}

async fn not_found() -> ApiError {
    ApiError::not_found(
        "no such endpoint (see /api/search, /api/dispatches/{id}, /api/persons, /api/stats, /health)",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        code: "method_not_allowed",
        message: "only GET is served".into(),
    }
}

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::internal("the request failed").into_response()
}

/// The page may load its own script and style and talk to this server, nothing else.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

fn asset(content_type: &'static str, body: &'static str) -> Response {
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        (HeaderName::from_static("content-security-policy"), HeaderValue::from_static(CSP)),
    ];
    (headers, body).into_response()
}

async fn page() -> Response {
    asset("text/html; charset=utf-8", assets::INDEX_HTML)
}

async fn script() -> Response {
    asset("text/javascript; charset=utf-8", assets::APP_JS)
}

async fn style() -> Response {
    asset("text/css; charset=utf-8", assets::APP_CSS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cors_takes_one_origin() {
        assert!(cors("https://example.org").is_ok());
        assert!(cors("http://localhost:3000").is_ok());
        for bad in ["*", "example.org", "https://example.org/path", "https://", "http://a\nb"] {
            assert!(cors(bad).is_err(), "{bad:?}");
        }
    }
}
