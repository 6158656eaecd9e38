// The demo page's only script: reads ?feed= and ?lang= and mounts the widget.
import init, { mount } from '../pkg/stackway.js';

const params = new URLSearchParams(window.location.search);
const feed = params.get('feed') || 'www/feeds/sample.json';
const lang = params.get('lang') === 'fr' ? 'fr' : 'en';

document.documentElement.lang = lang;
await init();
mount(document.getElementById('stackway'), new URL(feed, window.location.href).href, lang);
