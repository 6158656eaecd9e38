// Stackway embed loader: the <stackway-pathways> custom element and the Stackway.mount API.
//
// This is the readable source. `cargo xtask build` writes it minified to www/stackway.js, the
// file pages load (its URLs below are relative to that file).
//
//   <script type="module" src="https://…/www/stackway.js"></script>
//   <stackway-pathways feed="https://…/feed.json" goal="ID" view="programs|map|explore|plan|pathways" lang="en|fr">
//   </stackway-pathways>
//
//   const handle = Stackway.mount(element, { feed, goal, view, lang });  … handle.unmount();
//
// The interop module (pkg/split_interop.wasm: stackway-core's CTDL import and badge reader, a
// split point of the widget) is fetched only for a JSON-LD feed or "Add my badges"; a normal
// page load never downloads it. For a JSON-LD feed this loader starts that download as soon as
// the feed's text is in, while the first module may still be downloading.
//
// The WebAssembly is fetched once, lazily: when the first element is on or near the screen (at
// once if it already is when the loader runs, else when it scrolls near), or on the first
// Stackway.mount call. Each instance lives in its own Shadow DOM with its own copy
// of stackway.css, so page styles cannot break it and its styles cannot leak out. No inline
// script or style is used anywhere, so it works under a strict Content-Security-Policy.

const PKG_URL = new URL('../pkg/stackway.js', import.meta.url);
const WASM_URL = new URL('../pkg/stackway_bg.wasm', import.meta.url);
// The stylesheet as the build minified it (its readable source, with the theming properties,
// is www/stackway.css).
const CSS_URL = new URL('../pkg/stackway.css', import.meta.url);
// The interop module's files, as the split tool's link script fetches them (see preloadInterop):
// its own, and the chunk of code it shares with the later views' module. `cargo xtask build`
// fails when this list misses one of the files the build split out for it.
const INTEROP_URLS = [
  new URL('../pkg/split_interop.wasm', import.meta.url),
  new URL('../pkg/chunk_interop_later.wasm', import.meta.url),
];
const ATTRIBUTES = ['feed', 'goal', 'view', 'lang', 'debug'];

let wasm = null;

/** Loads and initialises the WebAssembly module once; every caller shares the promise. */
export function load() {
  if (!wasm) {
    performance.mark?.('stackway:load-start');
    // The WebAssembly downloads and compiles (as it streams in) while its JS glue and the glue's
    // own imports load, instead of after them; the glue then only instantiates it.
    const compiled = WebAssembly.compileStreaming(fetch(WASM_URL.href))
      // A server that does not send `application/wasm` makes streaming fail: compile the bytes.
      .catch(() => fetch(WASM_URL.href).then((response) => response.arrayBuffer()).then(WebAssembly.compile));
    wasm = import(PKG_URL.href).then(async (module) => {
      await module.default({ module_or_path: await compiled });
      // Marks let a page (and the benchmark) see how long the download and compilation took.
      performance.mark?.('stackway:wasm-ready');
      return module;
    });
  }
  return wasm;
}

/** Validates feed text; resolves to the list of diagnostics (empty when the feed is clean). */
export async function check(text) {
  const module = await load();
  return JSON.parse(await module.checkFeed(text));
}

/** The shadow root to render into: the element's own, created when possible. */
function shadowOf(element) {
  if (element.shadowRoot) return element.shadowRoot;
  try {
    return element.attachShadow({ mode: 'open' });
  } catch {
    // Some elements cannot host a shadow root; render into the element itself.
    return element;
  }
}

/** Prepares a fresh container (with the style sheet and a loading skeleton) inside `root`. */
function container(root) {
  root.replaceChildren();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = CSS_URL.href;
  const host = document.createElement('div');
  host.className = 'sw-host';
  const skeleton = document.createElement('div');
  skeleton.className = 'stackway';
  skeleton.setAttribute('aria-busy', 'true');
  host.append(skeleton);
  root.append(link, host);
  return host;
}

function normalise(config) {
  const clean = {};
  for (const key of ['feed', 'feedText', 'goal', 'view', 'lang']) {
    if (typeof config?.[key] === 'string' && config[key] !== '') clean[key] = config[key];
  }
  if (clean.feed) clean.feed = new URL(clean.feed, document.baseURI).href;
  clean.frameResize = Boolean(config?.frameResize);
  // The validator's findings open, for whoever fixes the feed (learners see them collapsed).
  clean.debug = Boolean(config?.debug);
  // The learner's record from an LTI launch: [{id, earned}], checked by the widget itself.
  if (Array.isArray(config?.held)) clean.held = config.held;
  return clean;
}

/**
 * Starts downloading the feed of `config` when it is given by URL (else returns undefined).
 * Resolves to its text, or to null when the download fails or answers an error status: the widget then fetches the feed
 * itself, so that it can explain the failure or fall back to its saved copy.
 */
function prefetchFeed(config) {
  if (config.feedText) {
    if (looksLikeJsonLd(config.feedText)) preloadInterop();
    return undefined;
  }
  if (!config.feed) return undefined;
  return fetch(config.feed)
    .then((response) => (response.ok ? response.text() : null))
    .then((text) => {
      if (text !== null && looksLikeJsonLd(text)) preloadInterop();
      return text;
    })
    .catch(() => null);
}

/** Whether feed text may be JSON-LD (a CTDL pathway): `"@context"` or `"@graph"` as a key, the
 *  test the widget makes before it asks for its interop module. */
function looksLikeJsonLd(text) {
  return /"@(?:context|graph)"\s*:/.test(text);
}

let interopPreloaded = false;

/**
 * Starts downloading the interop module, which a JSON-LD feed needs before its first render:
 * preloads of the URLs the split tool's link script fetches (with `fetch`, CORS, as here), so
 * that its requests find these downloads instead of starting after the first module is in.
 */
function preloadInterop() {
  if (interopPreloaded) return;
  interopPreloaded = true;
  for (const url of INTEROP_URLS) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = url.href;
    document.head.append(link);
  }
}

/**
 * Mounts a widget into `element` with `config` ({feed, feedText, goal, view, lang, frameResize,
 * debug}).
 * Returns a handle: `unmount()` removes it; `update(config)` re-renders with a new configuration.
 */
export function mount(element, config = {}) {
  const root = shadowOf(element);
  let current = null;
  let generation = 0;
  const render = (next) => {
    const mine = ++generation;
    if (current) {
      current.unmount();
      current = null;
    }
    const host = container(root);
    const clean = normalise(next);
    // The feed downloads while the WebAssembly downloads and compiles, instead of after it.
    const feedText = prefetchFeed(clean);
    load().then((module) => {
      // A later update or unmount wins over this pending render.
      if (mine !== generation) return;
      host.replaceChildren();
      current = module.mountWith(host, JSON.stringify(clean), feedText);
    }).catch((error) => {
      console.error('Stackway: the widget could not be loaded', error);
    });
  };
  render(config);
  return {
    update: render,
    unmount() {
      generation++;
      if (current) current.unmount();
      current = null;
      root.replaceChildren();
    },
  };
}

/** The language for an element: its `lang`, else the nearest ancestor's (the widget then
 *  falls back to <html lang> and the browser). */
function languageOf(element) {
  const own = element.getAttribute('lang');
  if (own) return own;
  const ancestor = element.parentElement?.closest('[lang]');
  return ancestor ? ancestor.getAttribute('lang') : '';
}

/** How far outside the screen an element starts loading (the observer's root margin). */
const MARGIN = 200;

/** Whether `element` is displayed and within MARGIN px of the viewport, as the observer would
 *  report it (an empty element still counts: its box is a point). */
function nearViewport(element) {
  if (element.getClientRects().length === 0) return false; // display: none, or not rendered
  const box = element.getBoundingClientRect();
  return box.bottom >= -MARGIN && box.top <= window.innerHeight + MARGIN
    && box.right >= -MARGIN && box.left <= window.innerWidth + MARGIN;
}

class StackwayPathways extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  connectedCallback() {
    if (this.handle || this.observer || this.waiting) return;
    if (!('IntersectionObserver' in window)) {
      this.start();
      return;
    }
    // Reserve the widget's height until it loads, then load only when it comes near the screen.
    container(shadowOf(this));
    // Decide after the script that is running now: a page that sets the attributes right after
    // importing the loader (as the demo does) then mounts the widget once, with all of them.
    this.waiting = true;
    queueMicrotask(() => {
      this.waiting = false;
      if (!this.isConnected || this.handle || this.observer) return;
      // An element already near the screen starts now: the observer's first report comes with
      // the next frame, about 60 ms later on a slow phone, and the download is what the learner
      // waits for.
      if (nearViewport(this)) {
        this.start();
        return;
      }
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.observer.disconnect();
          this.observer = null;
          this.start();
        }
      }, { rootMargin: `${MARGIN}px` });
      this.observer.observe(this);
    });
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.observer = null;
    this.handle?.unmount();
    this.handle = null;
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (!this.handle || oldValue === newValue || this.updating) return;
    // Several attributes set by one script re-render the widget once, with all of them.
    this.updating = true;
    queueMicrotask(() => {
      this.updating = false;
      this.handle?.update(this.config());
    });
  }

  config() {
    return {
      feed: this.getAttribute('feed') || '',
      goal: this.getAttribute('goal') || '',
      view: this.getAttribute('view') || '',
      lang: languageOf(this),
      debug: this.hasAttribute('debug') && this.getAttribute('debug') !== 'false',
      held: Array.isArray(this.held) ? this.held : null,
    };
  }

  start() {
    this.handle = mount(this, this.config());
  }
}

if (!customElements.get('stackway-pathways')) {
  customElements.define('stackway-pathways', StackwayPathways);
}

const Stackway = { mount, load, check };
window.Stackway = Stackway;
export default Stackway;
