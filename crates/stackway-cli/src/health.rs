//! `GET /healthz`: whether this instance can serve, for load balancers, reverse proxies, service
//! managers and uptime checks (docs/deploy.md).
//!
//! It answers `200 {"status":"ok",…}` when the instance can do its work. With the LTI tool, that
//! means its stores answer: the one-time store of nonces and states (memory, or Redis with
//! `STACKWAY_REDIS_URL`) and the registration store (SQLite or Redis). When one does not answer
//! within [`STORE_TIMEOUT`], launches would fail, so it answers `503 {"status":"unavailable",
//! "reason":"store-unavailable"}` and a load balancer sends learners to another instance. The
//! store's own error goes to the log, not to whoever asks: the endpoint is public.

use std::time::Duration;

use anyhow::{bail, Context as _};
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use stackway_lti::AppState;

/// The path, as load balancers and the docs name it.
pub const PATH: &str = "/healthz";

/// How long a store may take to answer before the instance counts as unavailable: well under the
/// usual health-check timeouts (5 s for most load balancers).
pub const STORE_TIMEOUT: Duration = Duration::from_secs(2);

/// The health route; `lti` is the LTI tool's state when the server runs it.
pub fn router(lti: Option<AppState>) -> Router {
    Router::new().route(PATH, get(healthz)).with_state(lti)
}

async fn healthz(State(lti): State<Option<AppState>>) -> Response {
    let version = env!("CARGO_PKG_VERSION");
    let verdict = match &lti {
        Some(state) => stores_answer(state).await,
        None => Ok(()),
    };
    let (status, body) = match verdict {
        Ok(()) => (
            StatusCode::OK,
            serde_json::json!({ "status": "ok", "version": version, "lti": lti.is_some() }),
        ),
        Err(detail) => {
            let detail = format!("{detail:#}");
            tracing::warn!(%detail, "health check: a store of the LTI tool did not answer");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                serde_json::json!({
                    "status": "unavailable",
                    "reason": "store-unavailable",
                    "version": version,
                    "lti": true,
                }),
            )
        }
    };
    (
        status,
        [
            (CONTENT_TYPE, "application/json"),
            // Every check must reach the instance itself, not a cache in front of it.
            (CACHE_CONTROL, "no-store"),
        ],
        format!("{body}\n"),
    )
        .into_response()
}

/// Asks both stores one cheap question each (how many one-time values are held; the registered
/// platforms), each within [`STORE_TIMEOUT`].
async fn stores_answer(state: &AppState) -> anyhow::Result<()> {
    within("one-time store", state.store().entry_count()).await?;
    within("registration store", state.registrations().list()).await?;
    Ok(())
}

/// The answer of a store to `question`, or why there is none: its error, or no answer within
/// [`STORE_TIMEOUT`].
async fn within<T, E>(
    store: &str,
    question: impl std::future::Future<Output = Result<T, E>>,
) -> anyhow::Result<T>
where
    E: std::error::Error + Send + Sync + 'static,
{
    match tokio::time::timeout(STORE_TIMEOUT, question).await {
        Ok(answer) => answer.with_context(|| store.to_owned()),
        Err(_) => bail!("{store}: no answer in {STORE_TIMEOUT:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    async fn get_health(app: Router) -> (StatusCode, Option<String>, serde_json::Value) {
        let response = app
            .oneshot(Request::get(PATH).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let cache = response
            .headers()
            .get(CACHE_CONTROL)
            .map(|v| v.to_str().unwrap().to_owned());
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, cache, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn the_static_site_is_healthy_with_its_version_and_never_cached() {
        let (status, cache, body) = get_health(router(None)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(cache.as_deref(), Some("no-store"));
        assert_eq!(body["status"], "ok");
        assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(body["lti"], false);
    }

    #[tokio::test]
    async fn the_health_route_wins_over_a_file_of_the_same_name_in_the_served_folder() {
        let dir = std::env::temp_dir().join(format!("stackway-healthz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("healthz"), "not json").unwrap();
        let app = router(None).merge(crate::static_site::router(dir.clone()));
        let (status, _, body) = get_health(app).await;
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["status"], "ok");
    }
}
