//! Stackway's LTI 1.3 tool as an axum [`Router`]: OIDC login initiation, complete id_token
//! validation, the launch page that hands the widget its configuration and the learner's own
//! progress, deep linking for instructional designers, LTI Dynamic Registration, and the tool's
//! public key set.
//!
//! Identity and configuration come only from a validated id_token, never from the browser.
//! `stackway serve --config tool.toml` merges [`router`] with the static site.
//!
//! The modules form layers that import only downwards: handlers (`login`, `launch`,
//! `deep_link`, `register`) fetch and decide; `id_token`, `progress`, `jwks`, `feeds` and the
//! stores do the work; `pages` renders HTML from plain data (`claims`, `record`, `lang`, `html`)
//! and does no I/O.

use axum::extract::Path;
use axum::routing::{get, post};
use axum::Router;

pub mod claims;
pub mod config;
mod deep_link;
pub mod discovery;
pub mod error;
pub mod feeds;
pub mod form;
pub mod html;
pub mod id_token;
pub mod jwks;
pub mod keys;
pub mod lang;
pub mod launch;
mod login;
pub mod pages;
pub mod progress;
pub mod record;
mod register;
pub mod registrations;
pub mod state;
pub mod store;

pub use config::{ConfigError, Platform, ToolConfig};
pub use error::{LtiError, Reason};
pub use keys::{generate_key, KeyError, ToolKeys};
pub use registrations::{RedisRegistrations, RegistrationStore, SqliteRegistrations};
pub use state::{AppState, Options, StartError};
pub use store::{MemoryStore, OneTimeStore, RedisStore, StoreError};

/// The tool's routes. Merge it with the static site that serves the widget.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/.well-known/jwks.json", get(jwks_handler))
        .route("/lti/login", get(login::login_get).post(login::login_post))
        .route("/lti/launch", post(launch::launch_post))
        .route("/lti/launch/verify", post(launch::verify_post))
        .route("/lti/deep-link/return", post(deep_link::return_post))
        .route(
            "/lti/register",
            get(register::register_get).post(register::register_post),
        )
        .route(
            "/lti/assets/{file}",
            get(|Path(file): Path<String>| async move { pages::asset(&file) }),
        )
        .with_state(state)
}

async fn jwks_handler(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        [
            (axum::http::header::CONTENT_TYPE, "application/json"),
            (axum::http::header::CACHE_CONTROL, "public, max-age=300"),
            (axum::http::header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        state.inner().keys.jwks().to_string(),
    )
        .into_response()
}
