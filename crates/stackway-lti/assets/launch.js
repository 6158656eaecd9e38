// Stackway LTI launch page: hands the widget its configuration and the learner's own progress,
// and tells the LMS how tall the frame must be. No inline script: the CSP forbids it.
const config = JSON.parse(document.getElementById("stackway-lti-config").textContent);
const element = document.querySelector("stackway-pathways");

// The learner's record, read server-side from the validated launch: `[{id, earned}]`, or null when
// the platform has no progress source. Set before the widget script defines the element, so the
// element finds it as its `held` property when it mounts (and in the `stackway-lti-config` block).
if (element) element.held = config.held;

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
  .then(() => {
    document.body.dataset.widget = "loaded";
  })
  .catch((error) => {
    document.body.dataset.widget = "failed";
    console.error("Stackway widget could not load", error);
    const notice = document.createElement("p");
    notice.className = "lti-notice";
    notice.setAttribute("role", "alert");
    notice.textContent = document.documentElement.lang === "fr"
      ? "Le module Stackway n’a pas pu être chargé. Veuillez recharger la page ou réessayer plus tard."
      : "The Stackway widget could not be loaded. Please reload the page or try again later.";
    element.before(notice);
  });
