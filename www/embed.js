// embed.html's only script: reads ?feed=&goal=&view=&lang= and mounts the widget, posting its
// height to the parent frame (both LTI frameResize message names) whenever it changes.
import Stackway from './stackway.js';

const params = new URLSearchParams(window.location.search);
const lang = params.get('lang') || '';
if (lang) document.documentElement.lang = lang;
Stackway.mount(document.getElementById('stackway'), {
  feed: params.get('feed') || 'feeds/sample.json',
  goal: params.get('goal') || '',
  view: params.get('view') || '',
  lang,
  frameResize: window.parent !== window,
  debug: params.get('debug') === '1',
});
