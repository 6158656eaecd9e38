// The learner preview: the real widget, loaded the way any page embeds it (docs/embedding.md),
// from next to the studio (`pkg/studio/` → `../../www/stackway.js`). Only the studio's page
// imports this; learner pages never load the studio.

let widget = null;

function load() {
  if (!widget) widget = import(new URL('../../www/stackway.js', document.baseURI).href);
  return widget;
}

/** Mounts the widget in `element` with `config` (a JSON string); resolves to its handle. */
export async function previewMount(element, config) {
  const module = await load();
  const api = module.mount ? module : module.default;
  return api.mount(element, JSON.parse(config));
}

/** Re-renders a mounted widget with a new configuration (a JSON string). */
export function previewUpdate(handle, config) {
  handle.update(JSON.parse(config));
}

export function previewUnmount(handle) {
  handle.unmount();
}
