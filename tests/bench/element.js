// Copies the benchmark's ?feed=&view=&lang= onto the page's <stackway-pathways>.
const params = new URLSearchParams(window.location.search);
const element = document.getElementById('stackway');
for (const name of ['feed', 'view', 'lang']) {
  if (params.get(name)) element.setAttribute(name, params.get(name));
}
