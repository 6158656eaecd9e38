// The demo page's only script: mounts the widget from ?feed=&lang=&view=&goal=, and lets an
// institution drop or choose its own feed file to check and preview it before publishing.
import Stackway from './stackway.js';

const params = new URLSearchParams(window.location.search);
const lang = params.get('lang') === 'fr' ? 'fr' : 'en';
document.documentElement.lang = lang;

const element = document.getElementById('stackway');
const feed = params.get('feed') || 'www/feeds/sample.json';
for (const [name, value] of [['feed', feed], ['view', params.get('view')], ['goal', params.get('goal')], ['lang', lang]]) {
  if (value) element.setAttribute(name, value);
}

const report = document.getElementById('feed-report');
let preview = null;

async function showFile(file) {
  const text = await file.text();
  const diagnostics = await Stackway.check(text);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  report.replaceChildren();
  const summary = document.createElement('p');
  summary.textContent = `${file.name}: ${errors} error(s), ${warnings} warning(s).`;
  report.append(summary);
  if (diagnostics.length) {
    const list = document.createElement('ul');
    for (const d of diagnostics.slice(0, 100)) {
      const item = document.createElement('li');
      const where = d.line ? ` (line ${d.line}, column ${d.column})` : '';
      item.textContent = `${d.severity} ${d.code}${where} ${d.pointer}: ${d.message}`;
      list.append(item);
    }
    report.append(list);
  }
  // Show the dropped feed in place of the demo feed (the widget shows what it could read).
  element.hidden = true;
  preview?.unmount();
  let host = document.getElementById('preview-host');
  if (!host) {
    host = document.createElement('div');
    host.id = 'preview-host';
    element.after(host);
  }
  preview = Stackway.mount(host, { feedText: text, lang });
}

document.getElementById('feed-file').addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  if (file) showFile(file);
});
const drop = document.getElementById('drop');
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('demo-drop-active');
});
drop.addEventListener('dragleave', () => drop.classList.remove('demo-drop-active'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('demo-drop-active');
  const file = event.dataTransfer?.files?.[0];
  if (file) showFile(file);
});
