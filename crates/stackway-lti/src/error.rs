//! The one error type of the tool: a safe page for the browser, the detail for the log.
//!
//! Every rejected request ends here. The browser gets a short page in the launch's language with a
//! stable reason code and a 400 or 401 status; the operator gets a `tracing` line with the detail.
//! Nothing from the detail (token contents, key material, upstream error text) reaches the page.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::lang::Lang;
use crate::pages::{refusal_page, RefusalView};

/// Why a request was refused. Each variant has a stable reason code shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A parameter the request needs is absent or malformed.
    BadRequest,
    /// No registration matches the issuer and client_id of the request.
    UnknownPlatform,
    /// The deployment id is not registered for that platform.
    UnknownDeployment,
    /// `target_link_uri` points somewhere other than this tool.
    BadTargetLinkUri,
    /// The platform answered the authentication request with an error.
    PlatformError,
    /// The `state` is unknown, expired or already used.
    StateUnknown,
    /// The `state` is not bound to this browser (cookie or platform storage disagrees).
    StateMismatch,
    /// The id_token is not a well-formed JWT.
    MalformedToken,
    /// The id_token uses an algorithm other than RS256 (including `none` and HS256).
    AlgorithmNotAllowed,
    /// The id_token header has no `kid`.
    KeyIdMissing,
    /// The `kid` is not in the platform's key set, even after refetching it.
    KeyIdUnknown,
    /// The platform's key set could not be fetched.
    KeySetUnavailable,
    /// The signature does not verify.
    BadSignature,
    /// `exp` is in the past.
    TokenExpired,
    /// `iat` is in the future.
    IssuedInFuture,
    /// `iss` is not the registered issuer.
    WrongIssuer,
    /// `aud` does not contain the registered client_id.
    WrongAudience,
    /// `azp` is absent with several audiences, or is not the client_id.
    AzpMismatch,
    /// The `nonce` was already used or was never issued.
    NonceReplayed,
    /// The `nonce` is not the one issued with this `state`.
    NonceMismatch,
    /// A required claim is absent or has the wrong type.
    MissingClaim,
    /// `version` is not 1.3.0.
    WrongVersion,
    /// The message type is not one this tool handles.
    UnsupportedMessage,
    /// `feed_url` is on a host the registration does not allow.
    FeedHostNotAllowed,
    /// No feed was given and no default feed is configured.
    NoFeed,
    /// A one-time ticket (platform storage check, deep linking form) is unknown or used.
    TicketUnknown,
    /// The replay store (memory or Redis) failed.
    StoreUnavailable,
    /// Something on the server side failed (key signing, configuration).
    Internal,
    /// Dynamic registration without a registration link while `tool.toml` does not open it.
    RegistrationClosed,
    /// The registration link is unknown, expired or already used.
    RegistrationLinkUnknown,
    /// The platform's configuration URL or document fails the checks.
    PlatformConfigInvalid,
    /// The platform's configuration could not be fetched.
    PlatformConfigUnavailable,
    /// The platform's registration endpoint refused the registration or answered nonsense.
    RegistrationRefused,
    /// The platform answered with an issuer and client_id that are already registered.
    AlreadyRegistered,
}

impl Reason {
    /// Every reason, for documentation and tests.
    pub const ALL: [Reason; 34] = [
        Reason::BadRequest,
        Reason::UnknownPlatform,
        Reason::UnknownDeployment,
        Reason::BadTargetLinkUri,
        Reason::PlatformError,
        Reason::StateUnknown,
        Reason::StateMismatch,
        Reason::MalformedToken,
        Reason::AlgorithmNotAllowed,
        Reason::KeyIdMissing,
        Reason::KeyIdUnknown,
        Reason::KeySetUnavailable,
        Reason::BadSignature,
        Reason::TokenExpired,
        Reason::IssuedInFuture,
        Reason::WrongIssuer,
        Reason::WrongAudience,
        Reason::AzpMismatch,
        Reason::NonceReplayed,
        Reason::NonceMismatch,
        Reason::MissingClaim,
        Reason::WrongVersion,
        Reason::UnsupportedMessage,
        Reason::FeedHostNotAllowed,
        Reason::NoFeed,
        Reason::TicketUnknown,
        Reason::StoreUnavailable,
        Reason::Internal,
        Reason::RegistrationClosed,
        Reason::RegistrationLinkUnknown,
        Reason::PlatformConfigInvalid,
        Reason::PlatformConfigUnavailable,
        Reason::RegistrationRefused,
        Reason::AlreadyRegistered,
    ];

    /// The stable code shown on the page and written to the log.
    pub fn code(self) -> &'static str {
        match self {
            Reason::BadRequest => "bad-request",
            Reason::UnknownPlatform => "unknown-platform",
            Reason::UnknownDeployment => "unknown-deployment",
            Reason::BadTargetLinkUri => "bad-target-link-uri",
            Reason::PlatformError => "platform-error",
            Reason::StateUnknown => "state-unknown",
            Reason::StateMismatch => "state-mismatch",
            Reason::MalformedToken => "malformed-token",
            Reason::AlgorithmNotAllowed => "algorithm-not-allowed",
            Reason::KeyIdMissing => "kid-missing",
            Reason::KeyIdUnknown => "kid-unknown",
            Reason::KeySetUnavailable => "jwks-unavailable",
            Reason::BadSignature => "bad-signature",
            Reason::TokenExpired => "token-expired",
            Reason::IssuedInFuture => "iat-in-future",
            Reason::WrongIssuer => "wrong-issuer",
            Reason::WrongAudience => "wrong-audience",
            Reason::AzpMismatch => "azp-mismatch",
            Reason::NonceReplayed => "nonce-replayed",
            Reason::NonceMismatch => "nonce-mismatch",
            Reason::MissingClaim => "missing-claim",
            Reason::WrongVersion => "wrong-version",
            Reason::UnsupportedMessage => "unsupported-message-type",
            Reason::FeedHostNotAllowed => "feed-host-not-allowed",
            Reason::NoFeed => "no-feed",
            Reason::TicketUnknown => "ticket-unknown",
            Reason::StoreUnavailable => "store-unavailable",
            Reason::Internal => "internal-error",
            Reason::RegistrationClosed => "registration-closed",
            Reason::RegistrationLinkUnknown => "registration-link-unknown",
            Reason::PlatformConfigInvalid => "platform-configuration-invalid",
            Reason::PlatformConfigUnavailable => "platform-configuration-unavailable",
            Reason::RegistrationRefused => "registration-refused",
            Reason::AlreadyRegistered => "already-registered",
        }
    }

    /// 401 for anything about authentication (tokens, state, nonce, keys); 400 for bad requests.
    /// Server-side failures are 503/500 because the request itself was not at fault; a platform
    /// that fails during registration is a 502 (a bad gateway); a registration without the
    /// operator's consent is a 403.
    pub fn status(self) -> StatusCode {
        match self {
            Reason::BadRequest
            | Reason::UnknownPlatform
            | Reason::UnknownDeployment
            | Reason::BadTargetLinkUri
            | Reason::PlatformError
            | Reason::MissingClaim
            | Reason::WrongVersion
            | Reason::UnsupportedMessage
            | Reason::FeedHostNotAllowed
            | Reason::NoFeed
            | Reason::MalformedToken
            | Reason::PlatformConfigInvalid => StatusCode::BAD_REQUEST,
            Reason::RegistrationClosed | Reason::RegistrationLinkUnknown => StatusCode::FORBIDDEN,
            Reason::PlatformConfigUnavailable | Reason::RegistrationRefused => {
                StatusCode::BAD_GATEWAY
            }
            Reason::AlreadyRegistered => StatusCode::CONFLICT,
            Reason::StoreUnavailable | Reason::KeySetUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            Reason::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::UNAUTHORIZED,
        }
    }

    /// Whether the refusal ends a registration rather than a launch (the page's title says so).
    pub fn is_registration(self) -> bool {
        matches!(
            self,
            Reason::RegistrationClosed
                | Reason::RegistrationLinkUnknown
                | Reason::PlatformConfigInvalid
                | Reason::PlatformConfigUnavailable
                | Reason::RegistrationRefused
                | Reason::AlreadyRegistered
        )
    }

    /// The sentence the refusal page shows.
    pub fn explanation(self, lang: Lang) -> &'static str {
        use Reason::*;
        match (lang, self) {
            (Lang::En, UnknownPlatform) => "This learning platform is not registered with Stackway.",
            (Lang::Fr, UnknownPlatform) => "Cette plateforme d’apprentissage n’est pas inscrite auprès de Stackway.",
            (Lang::En, UnknownDeployment) => "This deployment of the tool is not registered.",
            (Lang::Fr, UnknownDeployment) => "Ce déploiement de l’outil n’est pas inscrit.",
            (Lang::En, PlatformError) => "The learning platform refused to sign you in.",
            (Lang::Fr, PlatformError) => "La plateforme d’apprentissage a refusé de vous connecter.",
            (Lang::En, StateUnknown | StateMismatch | NonceReplayed | NonceMismatch | TicketUnknown) => {
                "This launch has expired or was already used. Please open the activity again from your course."
            }
            (Lang::Fr, StateUnknown | StateMismatch | NonceReplayed | NonceMismatch | TicketUnknown) => {
                "Ce lancement a expiré ou a déjà été utilisé. Veuillez rouvrir l’activité à partir de votre cours."
            }
            (Lang::En, TokenExpired | IssuedInFuture) => {
                "The sign-in message is out of date. Please open the activity again; if this persists, the server clocks may disagree."
            }
            (Lang::Fr, TokenExpired | IssuedInFuture) => {
                "Le message de connexion n’est plus valide. Veuillez rouvrir l’activité\u{202f}; si le problème persiste, les horloges des serveurs ne concordent peut-être pas."
            }
            (Lang::En, FeedHostNotAllowed) => "The pathways feed configured for this activity is not on an allowed host.",
            (Lang::Fr, FeedHostNotAllowed) => "Le flux de parcours configuré pour cette activité n’est pas sur un hôte autorisé.",
            (Lang::En, NoFeed) => "No pathways feed is configured for this activity.",
            (Lang::Fr, NoFeed) => "Aucun flux de parcours n’est configuré pour cette activité.",
            (Lang::En, StoreUnavailable | KeySetUnavailable | Internal) => {
                "Stackway is temporarily unavailable. Please try again in a moment."
            }
            (Lang::Fr, StoreUnavailable | KeySetUnavailable | Internal) => {
                "Stackway est temporairement indisponible. Veuillez réessayer dans un instant."
            }
            (Lang::En, RegistrationClosed) => "Registration is closed. Ask the Stackway operator for a registration link (stackway register-link).",
            (Lang::Fr, RegistrationClosed) => "L’inscription est fermée. Demandez un lien d’inscription à l’exploitant de Stackway (stackway register-link).",
            (Lang::En, RegistrationLinkUnknown) => "This registration link is unknown, has expired or was already used. Ask the Stackway operator for a new one.",
            (Lang::Fr, RegistrationLinkUnknown) => "Ce lien d’inscription est inconnu, a expiré ou a déjà servi. Demandez-en un nouveau à l’exploitant de Stackway.",
            (Lang::En, PlatformConfigInvalid | PlatformConfigUnavailable) => {
                "Stackway could not read your learning platform's configuration. Start the registration again from your platform."
            }
            (Lang::Fr, PlatformConfigInvalid | PlatformConfigUnavailable) => {
                "Stackway n’a pas pu lire la configuration de votre plateforme d’apprentissage. Recommencez l’inscription à partir de votre plateforme."
            }
            (Lang::En, RegistrationRefused) => "Your learning platform refused the registration. Start it again from your platform; the registration link still works.",
            (Lang::Fr, RegistrationRefused) => "Votre plateforme d’apprentissage a refusé l’inscription. Recommencez à partir de votre plateforme\u{202f}; le lien d’inscription fonctionne encore.",
            (Lang::En, AlreadyRegistered) => "Stackway is already registered with this platform under this client ID.",
            (Lang::Fr, AlreadyRegistered) => "Stackway est déjà inscrit auprès de cette plateforme sous cet ID client.",
            (Lang::En, _) => "The sign-in message from the learning platform could not be accepted.",
            (Lang::Fr, _) => "Le message de connexion de la plateforme d’apprentissage n’a pas pu être accepté.",
        }
    }
}

/// A refused request: the reason (public), the detail (log only) and the page language.
#[derive(Debug)]
pub struct LtiError {
    pub reason: Reason,
    detail: String,
    lang: Lang,
}

impl LtiError {
    pub fn new(reason: Reason, detail: impl Into<String>) -> Self {
        LtiError {
            reason,
            detail: detail.into(),
            lang: Lang::En,
        }
    }

    /// Renders the page in `lang` (the launch's language when it is known).
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// The detail that goes to the log, never to the page.
    pub fn detail(&self) -> &str {
        &self.detail
    }
}

impl std::fmt::Display for LtiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.reason.code(), self.detail)
    }
}

impl std::error::Error for LtiError {}

impl IntoResponse for LtiError {
    fn into_response(self) -> Response {
        let status = self.reason.status();
        if status.is_server_error() {
            tracing::error!(code = self.reason.code(), status = status.as_u16(), detail = %self.detail, "LTI request failed");
        } else {
            tracing::warn!(code = self.reason.code(), status = status.as_u16(), detail = %self.detail, "LTI request rejected");
        }
        let title = match (self.lang, self.reason.is_registration()) {
            (Lang::En, false) => "Stackway could not open",
            (Lang::Fr, false) => "Stackway n’a pas pu s’ouvrir",
            (Lang::En, true) => "Stackway could not be registered",
            (Lang::Fr, true) => "Stackway n’a pas pu être inscrit",
        };
        refusal_page(&RefusalView {
            lang: self.lang,
            status,
            code: self.reason.code(),
            title,
            explanation: self.reason.explanation(self.lang),
        })
    }
}
