//! The root component: loads the feed and lists its credentials and stackable programs.

use std::rc::Rc;

use stackway_core::{parse_feed, Credential, Feed};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::strings::Strings;

#[wasm_bindgen]
extern "C" {
    /// `console.warn`: feed problems and load failures are detail for the page's developer.
    #[wasm_bindgen(js_namespace = console)]
    fn warn(message: &str);
}

/// Properties of the root component.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Absolute or page-relative URL of the feed to show.
    pub feed_url: AttrValue,
    /// Language tag for the widget's text and the feed's translated fields.
    pub lang: AttrValue,
}

/// Where loading the feed stands.
#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    /// The feed as far as it could be read, and whether it had errors.
    Loaded {
        feed: Rc<Feed>,
        has_errors: bool,
    },
    /// Nothing usable: the fetch failed or the text was not a feed. The detail goes to the
    /// console; the learner sees a plain sentence.
    Failed,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let load = use_state(|| Load::Loading);
    {
        let load = load.clone();
        use_effect_with(props.feed_url.clone(), move |url| {
            let url = url.to_string();
            load.set(Load::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                load.set(fetch_feed(&url).await);
            });
        });
    }

    let strings = Strings::for_lang(&props.lang);
    let body = match &*load {
        Load::Loading => html! { <p class="sw-status" role="status">{ strings.loading }</p> },
        Load::Failed => {
            html! { <p class="sw-status sw-error" role="alert">{ strings.load_failed }</p> }
        }
        Load::Loaded { feed, has_errors } => html! {
            <>
                if *has_errors {
                    <p class="sw-status sw-warning" role="status">{ strings.feed_has_problems }</p>
                }
                { view_feed(feed, &props.lang, strings) }
            </>
        },
    };
    html! { <section class="stackway" lang={props.lang.clone()}>{ body }</section> }
}

async fn fetch_feed(url: &str) -> Load {
    match fetch_text(url).await {
        Ok(text) => {
            let parsed = parse_feed(&text);
            let has_errors = parsed.has_errors();
            for diagnostic in &parsed.diagnostics {
                warn(&format!(
                    "stackway: {} at {}: {}",
                    diagnostic.code, diagnostic.pointer, diagnostic.message
                ));
            }
            match parsed.feed {
                Some(feed) => Load::Loaded {
                    feed: Rc::new(feed),
                    has_errors,
                },
                None => Load::Failed,
            }
        }
        Err(detail) => {
            warn(&format!("stackway: could not load {url}: {detail}"));
            Load::Failed
        }
    }
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let response = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP status {}", response.status()));
    }
    response.text().await.map_err(|e| e.to_string())
}

fn view_feed(feed: &Feed, lang: &str, strings: &Strings) -> Html {
    let default_lang = feed.default_language();
    let (programs, credentials): (Vec<&Credential>, Vec<&Credential>) =
        feed.credentials.iter().partition(|c| c.is_stackable());
    let title = |id: &str| {
        feed.credential(id)
            .map(|c| c.title.get(lang, default_lang).to_owned())
            .unwrap_or_else(|| id.to_owned())
    };

    let credential_item = |c: &&Credential| {
        let mut facts = Vec::new();
        if let Some(hours) = c.hours {
            facts.push(format!("{hours} {}", strings.hours));
        }
        if let Some(credits) = c.credits {
            facts.push(format!("{credits} {}", strings.credits));
        }
        html! {
            <li class="sw-credential" data-id={c.id.clone()}>
                <span class="sw-title">{ c.title.get(lang, default_lang) }</span>
                if !facts.is_empty() {
                    <span class="sw-facts">{ facts.join(" · ") }</span>
                }
            </li>
        }
    };
    let program_item = |c: &&Credential| {
        let parts: Vec<String> = c
            .requires
            .as_ref()
            .map(|r| r.referenced_ids().into_iter().map(title).collect())
            .unwrap_or_default();
        html! {
            <li class="sw-program" data-id={c.id.clone()}>
                <span class="sw-title">{ c.title.get(lang, default_lang) }</span>
                <span class="sw-facts">{ format!("{}: {}", strings.stacks_from, parts.join(", ")) }</span>
            </li>
        }
    };

    html! {
        <>
            <h2>{ feed.provider.name.get(lang, default_lang) }</h2>
            <h3>{ strings.programs }</h3>
            { list(&programs, program_item, strings) }
            <h3>{ strings.credentials }</h3>
            { list(&credentials, credential_item, strings) }
        </>
    }
}

fn list<'a>(
    items: &[&'a Credential],
    item: impl Fn(&&'a Credential) -> Html,
    strings: &Strings,
) -> Html {
    if items.is_empty() {
        html! { <p>{ strings.none }</p> }
    } else {
        html! { <ul>{ for items.iter().map(item) }</ul> }
    }
}
