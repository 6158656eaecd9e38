// Starts Stackway Studio: loads its WebAssembly (built next to this file by `cargo xtask studio`
// or `cargo xtask build`) and mounts it in #studio. No inline script: the page's
// Content-Security-Policy forbids it.
import init, { start } from './stackway_studio.js';

// With `stackway studio`, the link carries the run's token (kept for the tab once read). The
// feed starts downloading now, while the WebAssembly downloads and compiles: a large feed takes
// as long. On a static host there is no token, and no request.
const token = (location.hash.match(/token=([0-9a-f]+)/) || [])[1] || sessionStorage.getItem('stackway-studio-token');
const feed = token ? fetch('/api/feed', { headers: { 'X-Stackway-Token': token } }) : undefined;

const started = performance.now();
await init({ module_or_path: new URL('stackway_studio_bg.wasm', import.meta.url) });
const root = document.getElementById('studio');
root.replaceChildren();
start(root, feed);
performance.mark?.('stackway-studio:started');
window.stackwayStudioBoot = performance.now() - started;
