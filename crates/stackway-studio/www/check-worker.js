// Stackway Studio's whole-feed check, off the page's thread: the studio's own WebAssembly runs
// the core validator on the feed text it is sent and answers with the diagnostics
// (`src/whole_check.rs` sends and receives). The page sends its compiled module first, so that
// the worker neither downloads nor compiles the WebAssembly a second time.
import init, { checkFeedText } from './stackway_studio.js';

let ready;

self.onmessage = async ({ data }) => {
  if (data.module) {
    ready = init({ module_or_path: data.module });
    return;
  }
  await (ready ??= init({ module_or_path: new URL('stackway_studio_bg.wasm', import.meta.url) }));
  const started = performance.now();
  const diagnostics = checkFeedText(data.text);
  self.postMessage({ revision: data.revision, diagnostics, ms: performance.now() - started });
};
