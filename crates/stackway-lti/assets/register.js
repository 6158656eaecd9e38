// Dynamic registration pages: tell the LMS that registration is over, as LTI Dynamic Registration
// 1.0 asks, so that it closes the frame or window it opened. On the done page this happens at once
// (the LMS then shows its own summary); on the confirmation page only when the administrator
// cancels. No inline script: the CSP forbids it.
function close() {
  const target = window.opener || (window.parent !== window ? window.parent : null);
  if (target) target.postMessage({ subject: "org.imsglobal.lti.close" }, "*");
  document.body.dataset.closeSent = target ? "yes" : "no-opener";
}

const main = document.querySelector("main[data-registration]");
if (main && main.dataset.registration === "done") close();
for (const button of document.querySelectorAll("[data-close]")) {
  button.addEventListener("click", close);
}
