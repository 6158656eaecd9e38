// Stackway LTI launch page: hands the widget its configuration and the learner's own progress,
// and tells the LMS how tall the frame must be. No inline script: the CSP forbids it.
const config = JSON.parse(document.getElementById("stackway-lti-config").textContent);
const element = document.querySelector("stackway-pathways");

// The learner's record, read server-side from the validated launch. The widget reads it from this
// property (and from the `stackway-lti-config` block) instead of its own localStorage plan.
if (element && config.held) {
  element.held = config.held;
  element.dataset.held = JSON.stringify(config.held);
}

function postHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.scrollHeight);
  for (const origin of config.platform_origins) {
    window.parent.postMessage({ subject: "lti.frameResize", height }, origin);
    window.parent.postMessage({ subject: "org.imsglobal.lti.frameResize", height }, origin);
  }
}
new ResizeObserver(postHeight).observe(document.body);

import(config.widget_script)
  .then((module) => {
    const api = module.Stackway || window.Stackway;
    if (api && typeof api.setHeld === "function" && config.held) api.setHeld(element, config.held);
    document.body.dataset.widget = "loaded";
  })
  .catch((error) => {
    document.body.dataset.widget = "failed";
    console.error("Stackway widget could not load", error);
  });
