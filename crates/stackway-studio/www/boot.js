// Starts Stackway Studio: loads its WebAssembly (built next to this file by `cargo xtask studio`
// or `cargo xtask build`) and mounts it in #studio. No inline script: the page's
// Content-Security-Policy forbids it.
import init, { start } from './stackway_studio.js';

const started = performance.now();
await init({ module_or_path: new URL('stackway_studio_bg.wasm', import.meta.url) });
const root = document.getElementById('studio');
root.replaceChildren();
start(root);
performance.mark?.('stackway-studio:started');
window.stackwayStudioBoot = performance.now() - started;
