// Configures the page's <stackway-pathways> from ?feed=&lang=&view=&goal=, as the demo page
// does, then loads the widget the way an embedding page does.
const params = new URLSearchParams(window.location.search);
const element = document.getElementById('stackway');
for (const name of ['feed', 'lang', 'view', 'goal']) {
  const value = params.get(name);
  if (value) element.setAttribute(name, value);
}
document.documentElement.lang = params.get('lang') || 'en';
await import('/www/stackway.js');
