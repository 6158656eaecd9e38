// The embed builder's only script (www/builder.html): a designer types a feed URL, which is
// downloaded and checked with the widget's own validator (Stackway.check, the `checkFeed` of its
// second module); picks a goal, a view, a language and a height; sees the widget as learners
// will (the iframe page with those choices); and copies a snippet: the custom element, whose
// loader carries its Subresource Integrity hash (pkg/widget/integrity.json, written by the
// build), or the iframe for Moodle, D2L Brightspace or Canvas with the steps in that LMS.
import Stackway from './stackway.js';

const params = new URLSearchParams(window.location.search);
const ui = params.get('lang') === 'fr' ? 'fr' : 'en';
document.documentElement.lang = ui;

/** The page's words. The English ones are also in builder.html, for a page without script. */
const WORDS = {
  en: {
    'page-title': 'Stackway embed builder',
    checking: 'Checking the feed…',
    'fetch-failed': (url, why) => `The feed could not be downloaded from ${url} (${why}). Check the address; its server must allow other sites to read it (Access-Control-Allow-Origin).`,
    'not-json': 'This address does not answer with a JSON feed.',
    clean: (n) => `The feed is valid: ${n} credential(s), no problem found.`,
    problems: (n, errors, warnings) => `The feed has ${errors} error(s) and ${warnings} warning(s); ${n} credential(s) can be shown. Learners see what could be read; fix the errors for the full offer.`,
    where: (line, column) => ` (line ${line}, column ${column})`,
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    'other-credentials': 'Other credentials',
    programs: 'Programs',
    copy: (what) => `Copy the ${what} snippet`,
    copied: (what) => `The ${what} snippet is copied. Paste it into your page.`,
    'copy-failed': 'The browser did not allow copying: select the snippet and copy it by hand.',
    'frame-title': 'My credential pathways',
    'no-integrity': 'The content-hashed files were not found next to this page (build with cargo xtask build), so this snippet has no integrity hash.',
    element: {
      name: 'web page',
      title: 'Any web page that allows scripts (custom element)',
      help: 'The fastest and most capable embed. The integrity hash lets the browser refuse a loader that was changed on the way.',
      steps: ['Open the page in your site\'s HTML editor or template.', 'Paste the snippet where the widget should appear.', 'Publish the page.'],
    },
    moodle: {
      name: 'Moodle',
      title: 'Moodle (Page, or a Text and media area)',
      help: 'Moodle\'s editor keeps iframes and removes scripts, so this is the iframe page.',
      steps: ['Turn editing on, then Add an activity or resource → Page (or add a Text and media area).', 'In the editor, open the HTML source: TinyMCE\'s View → Source code, or Atto\'s Show more buttons → HTML.', 'Paste the snippet, then Save and display.'],
    },
    brightspace: {
      name: 'D2L Brightspace',
      title: 'D2L Brightspace (HTML editor)',
      help: 'Brightspace\'s HTML editor keeps iframes.',
      steps: ['In Content, open a module and choose Upload / Create → Create a File (or edit an HTML topic).', 'In the HTML editor, choose Insert Stuff → Enter Embed Code (or the Source Code button </>).', 'Paste the snippet, choose Insert, then Publish.'],
    },
    canvas: {
      name: 'Canvas',
      title: 'Canvas (Rich Content Editor)',
      help: 'Canvas removes scripts but keeps iframes (your administrator may need to allow this site).',
      steps: ['Edit a Page (or an assignment, a discussion or the syllabus).', 'Switch the Rich Content Editor to the HTML editor (the </> button at its bottom right).', 'Paste the snippet, then Save.'],
    },
  },
  fr: {
    'page-title': 'Générateur d’intégration Stackway',
    title: 'Générateur d’intégration',
    intro: 'Intégrez les parcours de votre établissement dans une page de cours en trois étapes : votre flux, quelques choix, un extrait à coller.',
    'demo-link': 'Démo',
    'feed-title': '1. Votre flux',
    'feed-label': 'Adresse du flux',
    'feed-hint': 'L’adresse de votre flux (JSON, format v1). Il est vérifié pendant la saisie.',
    check: 'Vérifier le flux',
    findings: 'Constats',
    'options-title': '2. Vos choix',
    'goal-label': 'Objectif affiché d’abord',
    'goal-none': 'Aucun : l’apprenant choisit',
    'view-label': 'Vue',
    'view-programs': 'Programmes',
    'view-map': 'Carte des parcours',
    'view-explore': 'Explorer',
    'view-plan': 'Mon plan',
    'view-pathways': 'Parcours',
    'lang-label': 'Langue du widget',
    'height-label': 'Hauteur en pixels (iframe)',
    'preview-title': '3. Aperçu',
    'preview-hint': 'Voici le widget tel que les apprenants le verront, avec votre flux et vos choix.',
    'snippets-title': '4. Copiez l’extrait pour votre page',
    checking: 'Vérification du flux…',
    'fetch-failed': (url, why) => `Le flux n’a pas pu être téléchargé depuis ${url} (${why}). Vérifiez l’adresse ; son serveur doit permettre aux autres sites de le lire (Access-Control-Allow-Origin).`,
    'not-json': 'Cette adresse ne répond pas par un flux JSON.',
    clean: (n) => `Le flux est valide : ${n} titre(s), aucun problème trouvé.`,
    problems: (n, errors, warnings) => `Le flux a ${errors} erreur(s) et ${warnings} avertissement(s) ; ${n} titre(s) peuvent être affichés. Les apprenants voient ce qui a pu être lu ; corrigez les erreurs pour l’offre complète.`,
    where: (line, column) => ` (ligne ${line}, colonne ${column})`,
    severity: { error: 'Erreur', warning: 'Avertissement', info: 'Remarque' },
    'other-credentials': 'Autres titres',
    programs: 'Programmes',
    copy: (what) => `Copier l’extrait ${what}`,
    copied: (what) => `L’extrait ${what} est copié. Collez-le dans votre page.`,
    'copy-failed': 'Le navigateur n’a pas permis la copie : sélectionnez l’extrait et copiez-le à la main.',
    'frame-title': 'Mes parcours de titres de compétences',
    'no-integrity': 'Les fichiers nommés par leur empreinte sont introuvables à côté de cette page (construisez avec cargo xtask build) : cet extrait n’a pas d’empreinte d’intégrité.',
    element: {
      name: 'pour page Web',
      title: 'Toute page Web qui permet les scripts (élément personnalisé)',
      help: 'L’intégration la plus rapide et la plus complète. L’empreinte d’intégrité permet au navigateur de refuser un chargeur modifié en chemin.',
      steps: ['Ouvrez la page dans l’éditeur HTML ou le gabarit de votre site.', 'Collez l’extrait là où le widget doit paraître.', 'Publiez la page.'],
    },
    moodle: {
      name: 'Moodle',
      title: 'Moodle (Page, ou zone Texte et média)',
      help: 'L’éditeur de Moodle garde les iframes et retire les scripts : voici donc la page iframe.',
      steps: ['Activez le mode édition, puis Ajouter une activité ou ressource → Page (ou ajoutez une zone Texte et média).', 'Dans l’éditeur, ouvrez le code HTML : Affichage → Code source dans TinyMCE, ou Afficher plus de boutons → HTML dans Atto.', 'Collez l’extrait, puis Enregistrer et afficher.'],
    },
    brightspace: {
      name: 'D2L Brightspace',
      title: 'D2L Brightspace (éditeur HTML)',
      help: 'L’éditeur HTML de Brightspace garde les iframes.',
      steps: ['Dans Contenu, ouvrez un module et choisissez Téléverser / Créer → Créer un fichier (ou modifiez une rubrique HTML).', 'Dans l’éditeur HTML, choisissez Insérer des éléments → Entrer le code d’intégration (ou le bouton Code source </>).', 'Collez l’extrait, choisissez Insérer, puis Publier.'],
    },
    canvas: {
      name: 'Canvas',
      title: 'Canvas (éditeur de contenu enrichi)',
      help: 'Canvas retire les scripts mais garde les iframes (votre administrateur devra peut-être autoriser ce site).',
      steps: ['Modifiez une page (ou un travail, une discussion ou le plan de cours).', 'Passez l’éditeur de contenu enrichi à l’éditeur HTML (le bouton </> en bas à droite).', 'Collez l’extrait, puis Enregistrer.'],
    },
  },
};
const words = { ...WORDS.en, ...WORDS[ui] };

document.title = words['page-title'];
if (ui !== 'en') {
  for (const node of document.querySelectorAll('[data-text]')) {
    const text = words[node.dataset.text];
    if (typeof text === 'string') node.textContent = text;
  }
}
const switcher = document.querySelector('[data-switch]');
const other = new URLSearchParams(params);
other.set('lang', ui === 'fr' ? 'en' : 'fr');
switcher.href = `?${other}`;
switcher.lang = ui === 'fr' ? 'en' : 'fr';
switcher.hreflang = switcher.lang;
switcher.textContent = ui === 'fr' ? 'In English' : 'En français';
document.getElementById('preview').title = ui === 'fr' ? 'Aperçu du widget' : 'Preview of the widget';

/** Where this server publishes the widget: builder.html is in www/, next to pkg/. */
const BASE = new URL('../', window.location.href);
const field = (id) => document.getElementById(id);
const feedInput = field('feed-url');
const goalSelect = field('goal');
const status = field('feed-status');
const findingsBox = field('findings-box');
const findingsList = field('findings');
feedInput.value = params.get('feed') || new URL('www/feeds/sample.json', BASE).href;
field('lang').value = params.get('widget-lang') || ui;

/** The content-hashed loader and its SRI hash, from the build's integrity.json, or null. */
const integrity = fetch(new URL('pkg/widget/integrity.json', BASE))
  .then((response) => (response.ok ? response.json() : null))
  .then((json) => (json?.loader && json.files?.[json.loader]
    ? { src: new URL(`pkg/widget/${json.loader}`, BASE).href, hash: json.files[json.loader] }
    : null))
  .catch(() => null);

function choices() {
  return {
    feed: feedInput.value.trim(),
    goal: goalSelect.value,
    view: field('view').value,
    lang: field('lang').value,
    height: Math.min(2000, Math.max(300, Number(field('height').value) || 640)),
  };
}

/** Credential titles in the widget's language, as the feed writes them (a string or a map). */
function titleOf(credential, lang) {
  const title = credential.title;
  if (typeof title === 'string') return title;
  return title?.[lang] ?? title?.en ?? Object.values(title ?? {})[0] ?? credential.id;
}

/** Fills the goal list: the credentials with requirements (programs) first, then the others. */
function fillGoals(feed, lang) {
  const wanted = params.get('goal') || goalSelect.value;
  const none = goalSelect.options[0];
  goalSelect.replaceChildren(none);
  const credentials = Array.isArray(feed?.credentials) ? feed.credentials.filter((c) => typeof c?.id === 'string') : [];
  const groups = [
    [words.programs, credentials.filter((c) => c.requires)],
    [words['other-credentials'], credentials.filter((c) => !c.requires)],
  ];
  for (const [label, members] of groups) {
    if (!members.length) continue;
    const group = document.createElement('optgroup');
    group.label = label;
    for (const credential of members) {
      const option = new Option(titleOf(credential, lang), credential.id);
      group.append(option);
    }
    goalSelect.append(group);
  }
  goalSelect.value = [...goalSelect.options].some((o) => o.value === wanted) ? wanted : '';
}

let lastFeed = null;
let checking = 0;

/** Downloads and checks the feed, then shows the findings and refreshes the goals. */
async function checkFeed() {
  const mine = ++checking;
  const url = choices().feed;
  status.textContent = words.checking;
  status.dataset.state = 'busy';
  findingsBox.hidden = true;
  let text;
  try {
    const response = await fetch(new URL(url, window.location.href));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    if (mine !== checking) return;
    status.textContent = words['fetch-failed'](url, error.message);
    status.dataset.state = 'error';
    return;
  }
  let feed = null;
  try {
    feed = JSON.parse(text);
  } catch {
    // The validator says where the JSON breaks.
  }
  const diagnostics = await Stackway.check(text);
  if (mine !== checking) return;
  lastFeed = feed;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const count = Array.isArray(feed?.credentials) ? feed.credentials.length : 0;
  if (!feed && !diagnostics.length) {
    status.textContent = words['not-json'];
    status.dataset.state = 'error';
  } else if (!diagnostics.length) {
    status.textContent = words.clean(count);
    status.dataset.state = 'ok';
  } else {
    status.textContent = words.problems(count, errors, warnings);
    status.dataset.state = errors ? 'error' : 'warning';
    findingsList.replaceChildren(...diagnostics.slice(0, 200).map((d) => {
      const item = document.createElement('li');
      const where = d.line ? words.where(d.line, d.column) : '';
      item.textContent = `${words.severity[d.severity] ?? d.severity} ${d.code}${where} ${d.pointer}: ${d.message}`;
      return item;
    }));
    findingsBox.hidden = false;
    findingsBox.open = errors > 0;
  }
  fillGoals(feed, choices().lang);
  update();
}

/** The iframe page's address for the current choices. */
function frameUrl(c) {
  const query = new URLSearchParams();
  query.set('feed', c.feed);
  if (c.goal) query.set('goal', c.goal);
  query.set('view', c.view);
  query.set('lang', c.lang);
  return new URL(`www/embed.html?${query}`, BASE).href;
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function iframeSnippet(c) {
  const title = WORDS[c.lang]['frame-title'];
  return `<iframe src="${escape(frameUrl(c))}"\n        title="${escape(title)}" width="100%" height="${c.height}" style="border:0" loading="lazy"></iframe>`;
}

function elementSnippet(c, loader) {
  const script = loader
    ? `<script type="module" src="${escape(loader.src)}"\n        integrity="${loader.hash}" crossorigin="anonymous"></script>`
    : `<script type="module" src="${escape(new URL('www/stackway.js', BASE).href)}"></script>`;
  const attributes = [['feed', c.feed], ['goal', c.goal], ['view', c.view], ['lang', c.lang]]
    .filter(([, value]) => value)
    .map(([name, value]) => `\n  ${name}="${escape(value)}"`)
    .join('');
  return `${script}\n<stackway-pathways${attributes}></stackway-pathways>`;
}

/** One snippet card: title, help, the code, its copy button and the LMS's steps. */
function card(key, code, note) {
  const w = words[key];
  const section = document.createElement('section');
  section.className = 'builder-snippet';
  section.dataset.snippet = key;
  const heading = document.createElement('h3');
  heading.textContent = w.title;
  heading.id = `snippet-${key}`;
  const help = document.createElement('p');
  help.textContent = note ? `${w.help} ${note}` : w.help;
  const pre = document.createElement('pre');
  const codeElement = document.createElement('code');
  codeElement.textContent = code;
  pre.append(codeElement);
  pre.tabIndex = 0;
  pre.setAttribute('aria-labelledby', heading.id);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = words.copy(w.name);
  button.addEventListener('click', () => copy(code, w.name));
  const steps = document.createElement('ol');
  steps.append(...w.steps.map((step) => {
    const item = document.createElement('li');
    item.textContent = step;
    return item;
  }));
  section.append(heading, help, steps, pre, button);
  return section;
}

async function copy(code, name) {
  const copied = field('copied');
  try {
    await navigator.clipboard.writeText(code);
    copied.textContent = words.copied(name);
  } catch {
    copied.textContent = words['copy-failed'];
  }
}

let shownFrame = '';

/** Redraws the preview and the snippets from the current choices. */
async function update() {
  const c = choices();
  const frame = field('preview');
  frame.height = String(c.height);
  const url = frameUrl(c);
  if (url !== shownFrame) {
    shownFrame = url;
    frame.src = url;
  }
  const loader = await integrity;
  const iframe = iframeSnippet(c);
  field('snippets').replaceChildren(
    card('element', elementSnippet(c, loader), loader ? '' : words['no-integrity']),
    card('moodle', iframe),
    card('brightspace', iframe),
    card('canvas', iframe),
  );
}

let typing = null;
feedInput.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    if (feedInput.validity.valid) checkFeed();
  }, 600);
});
field('feed-form').addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  checkFeed();
});
for (const id of ['goal', 'view', 'height']) field(id).addEventListener('change', update);
field('lang').addEventListener('change', () => {
  fillGoals(lastFeed, choices().lang);
  update();
});
checkFeed();
