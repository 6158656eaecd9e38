// Deep linking designer: live preview of the widget as the designer chooses feed, goal, view and
// language, and a check that the feed is on an allowed host before the form is sent.
const form = document.getElementById("designer");
const preview = document.getElementById("preview");
const error = document.getElementById("designer-error");
const hosts = (form.dataset.hosts || "").split(" ").filter(Boolean);
const messages = {
  en: "The feed must be on one of these hosts: ",
  fr: "Le flux doit se trouver sur l’un de ces hôtes : ",
};

// An entry is a host (the scheme's default port) or host:port, as `URL.host` writes them.
function feedAllowed(value) {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && hosts.includes(url.host.toLowerCase());
  } catch (e) {
    return false;
  }
}

function update() {
  const feed = form.elements.feed_url.value.trim();
  const lang = form.elements.lang.value;
  const ok = feed === "" || feedAllowed(feed);
  error.hidden = ok;
  error.textContent = ok ? "" : (messages[lang] || messages.en) + hosts.join(", ");
  if (ok && feed) preview.setAttribute("feed", feed);
  for (const name of ["goal", "view", "lang"]) {
    const value = form.elements[name].value.trim();
    if (value) preview.setAttribute(name, value);
    else preview.removeAttribute(name);
  }
}

form.addEventListener("input", update);
form.addEventListener("change", update);
form.addEventListener("submit", (event) => {
  update();
  if (!error.hidden) event.preventDefault();
});
update();
import(form.dataset.widgetScript).catch((e) => console.error("Stackway widget could not load", e));
