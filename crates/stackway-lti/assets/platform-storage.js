// 1EdTech LTI Client Side postMessages, platform storage (lti.capabilities, lti.put_data,
// lti.get_data): used when the browser blocks the tool's cookie inside the LMS frame.
// The page's data attributes say what to do; nothing here comes from the URL.
(function () {
  const root = document.getElementById("lti-storage");
  if (!root) return;
  const data = root.dataset;
  const origin = data.origin;
  const parentWindow = window.opener || window.parent;
  let counter = 0;

  function targetFrame(frameName) {
    if (frameName && frameName !== "_parent") {
      try {
        const frame = parentWindow.frames[frameName];
        if (frame) return frame;
      } catch (error) {
        // Cross-origin access to a named frame can throw; fall back to the parent.
      }
    }
    return parentWindow;
  }

  // Sends one message and resolves with the matching response, or rejects after a timeout.
  function ask(frameName, message, timeoutMs) {
    return new Promise((resolve, reject) => {
      const messageId = "stackway-" + Date.now() + "-" + counter++;
      const timer = setTimeout(() => {
        window.removeEventListener("message", onMessage);
        reject(new Error("timeout waiting for " + message.subject));
      }, timeoutMs);
      function onMessage(event) {
        if (event.origin !== origin) return;
        const reply = event.data;
        if (!reply || reply.message_id !== messageId) return;
        if (reply.subject !== message.subject + ".response") return;
        clearTimeout(timer);
        window.removeEventListener("message", onMessage);
        if (reply.error) reject(new Error(reply.error.code || "error"));
        else resolve(reply);
      }
      window.addEventListener("message", onMessage);
      targetFrame(frameName).postMessage(Object.assign({ message_id: messageId }, message), origin);
    });
  }

  // Which frame handles a subject: from lti.capabilities when the platform answers it, else the
  // lti_storage_target the platform gave at login.
  async function frameFor(subject) {
    try {
      const reply = await ask("_parent", { subject: "lti.capabilities" }, 1000);
      const entry = (reply.supported_messages || []).find((m) => m.subject === subject);
      if (entry) return entry.frame || data.target;
    } catch (error) {
      // Platforms that predate lti.capabilities still answer on lti_storage_target.
    }
    return data.target;
  }

  async function put() {
    try {
      const frame = await frameFor("lti.put_data");
      await ask(frame, { subject: "lti.put_data", key: "state_" + data.state, value: data.state }, 2000);
      await ask(frame, { subject: "lti.put_data", key: "nonce_" + data.nonce, value: data.nonce }, 2000);
    } catch (error) {
      // The cookie may still work; continue to the platform either way.
    }
    window.location.replace(data.redirect);
  }

  async function get() {
    const form = document.getElementById("lti-verify");
    try {
      const frame = await frameFor("lti.get_data");
      const reply = await ask(frame, { subject: "lti.get_data", key: data.stateKey }, 3000);
      form.elements.state.value = reply.value || "";
    } catch (error) {
      root.querySelector("[role=status]").textContent = data.failed;
      return;
    }
    form.submit();
  }

  if (data.mode === "put") put();
  else if (data.mode === "get") get();
})();
