// The demo page's only script: mounts the widget from ?feed=&lang=&view=&goal=, and lets an
// institution drop or choose its own feed file to check and preview it before publishing.
import Stackway from './stackway.js';

const params = new URLSearchParams(window.location.search);
const lang = params.get('lang') === 'fr' ? 'fr' : 'en';
document.documentElement.lang = lang;

/** The page's own words (the widget localises itself). English is in index.html. */
const FRENCH = {
  title: 'Démo de Stackway',
  intro: 'Les microtitres de compétences et la façon dont ils se cumulent.',
  try: 'Essayez',
  or: 'ou',
  'preview-title': 'Prévisualiser votre propre flux',
  'preview-help': 'Déposez un fichier de flux ici ou choisissez-en un : il est vérifié et affiché ci-dessous, et ne quitte jamais votre ordinateur.',
  'file-label': 'Fichier de flux (JSON)',
  builder: 'L’intégrer à votre cours : le générateur d’intégration',
};
const words = {
  summary: (name, errors, warnings) => (lang === 'fr'
    ? `${name} : ${errors} erreur(s), ${warnings} avertissement(s).`
    : `${name}: ${errors} error(s), ${warnings} warning(s).`),
  where: (line, column) => (lang === 'fr' ? ` (ligne ${line}, colonne ${column})` : ` (line ${line}, column ${column})`),
  severity: (severity) => (lang === 'fr' ? { error: 'erreur', warning: 'avertissement' }[severity] ?? severity : severity),
};
if (lang === 'fr') {
  document.title = FRENCH.title;
  for (const node of document.querySelectorAll('[data-demo-text]')) {
    const text = FRENCH[node.dataset.demoText];
    if (text) node.textContent = text;
  }
}
// The language link offers the other language, keeping the other parameters.
const other = new URLSearchParams(params);
other.set('lang', lang === 'fr' ? 'en' : 'fr');
const switcher = document.querySelector('[data-demo-switch]');
if (switcher) {
  switcher.href = `?${other}`;
  switcher.lang = lang === 'fr' ? 'en' : 'fr';
  switcher.hreflang = switcher.lang;
  switcher.textContent = lang === 'fr' ? 'In English' : 'En français';
}

// The builder opens in the demo's language.
const builderLink = document.querySelector('[data-demo-builder]');
if (builderLink && lang === 'fr') builderLink.href = 'www/builder.html?lang=fr';

const element = document.getElementById('stackway');
const feed = params.get('feed') || 'www/feeds/sample.json';
for (const [name, value] of [['feed', feed], ['view', params.get('view')], ['goal', params.get('goal')], ['lang', lang]]) {
  if (value) element.setAttribute(name, value);
}
// ?debug=1: the validator's findings open, as institutions and designers need them (learners see
// one short notice with the findings collapsed).
if (params.get('debug') === '1') element.setAttribute('debug', '');

const report = document.getElementById('feed-report');
let preview = null;

async function showFile(file) {
  const text = await file.text();
  const diagnostics = await Stackway.check(text);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  report.replaceChildren();
  const summary = document.createElement('p');
  summary.textContent = words.summary(file.name, errors, warnings);
  report.append(summary);
  if (diagnostics.length) {
    const list = document.createElement('ul');
    for (const d of diagnostics.slice(0, 100)) {
      const item = document.createElement('li');
      const where = d.line ? words.where(d.line, d.column) : '';
      item.textContent = `${words.severity(d.severity)} ${d.code}${where} ${d.pointer}: ${d.message}`;
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
  // The preview is for whoever publishes the feed: its findings are shown open.
  preview = Stackway.mount(host, { feedText: text, lang, debug: true });
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
