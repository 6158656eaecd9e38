// Loaded first by the WebDriver test pages, before any other script: records every uncaught
// error, failed script or stylesheet, unhandled promise rejection, console error and
// Content-Security-Policy violation in `window.__stackwayProblems`, and the moment the first
// widget shows its tabs in `window.__stackwayRendered` (for the first-render measurement).
// WebKitGTK's WebDriver has no BiDi to report these from outside, so every engine reports them
// the same way, from inside the page.
(() => {
  const problems = [];
  window.__stackwayProblems = problems;
  window.addEventListener('error', (event) => {
    const target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      problems.push(`failed to load ${target.src || target.href}`);
    } else {
      problems.push(`uncaught: ${event.message}`);
    }
  }, true);
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    problems.push(`unhandled rejection: ${reason && reason.message ? reason.message : reason}`);
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    problems.push(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
  });
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    problems.push(`console error: ${args.map(String).join(' ')}`);
    consoleError(...args);
  };
  const poll = () => {
    const host = document.querySelector('stackway-pathways');
    if (host && host.shadowRoot && host.shadowRoot.querySelector('.sw-tabs')) {
      window.__stackwayRendered = performance.now();
    } else {
      requestAnimationFrame(poll);
    }
  };
  requestAnimationFrame(poll);
})();
