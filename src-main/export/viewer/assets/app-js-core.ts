/**
 * app.js, part 1 of 3: data loading, DOM building, routing, the summary page.
 * Plain ES2020 for Chromium/Firefox/Safari from file:// — no modules (file:// refuses
 * them), no fetch (refused too): data arrive through <script src> calling receive().
 * API text only ever reaches the page as text nodes or attribute values, never as markup.
 * The viewer's words come with the data (bundle.strings, in bundle.language): t() looks
 * them up and fills {{placeholders}}; numbers and dates are formatted with Intl for that
 * language. No template literals here: this text lives inside a TypeScript template literal.
 */
export const APP_JS_CORE = String.raw`'use strict';
const ID = /^[0-9a-f-]{36}$/;
const FILE_PATH = /^projects\/[0-9a-f-]{36}\/[A-Za-z0-9._\/-]+$/;
const PER_PAGE = 100;
const LANGUAGES = ['en', 'zh-TW'];
const state = { bundle: null, images: new Map(), predictions: new Map(), scripts: new Map(), ticket: 0, focus: null, keys: null, started: false };
let lang = 'en';
let strings = {};

// A key's text with {{name}} filled from values; the key itself if the bundle lacks it.
function t(key, values) {
  let node = strings;
  for (const part of key.split('.')) node = node && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, part) ? node[part] : undefined;
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (match, name) => (values && values[name] !== undefined && values[name] !== null ? String(values[name]) : match));
}
// A label for a fixed word of the data (a category, a tag type), or the word itself.
const label = (group, word) => {
  const text = t(group + '.' + word);
  return text === group + '.' + word ? word : text;
};

window.cvSteward = Object.freeze({
  receive(message) {
    if (!message || typeof message !== 'object') return;
    if (message.kind === 'bundle' && !state.bundle) {
      state.bundle = message;
      lang = LANGUAGES.includes(message.language) ? message.language : 'en';
      strings = message.strings && typeof message.strings === 'object' ? message.strings : {};
      message.projects = message.projects.filter((project) => ID.test(project.id));
      start();
    } else if (message.kind === 'images') state.images.set(message.projectId + '/' + message.file, message.records);
    else if (message.kind === 'predictions') state.predictions.set(message.projectId, message.records);
  },
});

// A data file is a script added on demand; one load per file, however many callers wait.
function loadData(src, map, key) {
  if (map.has(key)) return Promise.resolve(map.get(key));
  let pending = state.scripts.get(src);
  if (!pending) {
    pending = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => {
        state.scripts.delete(src);
        reject(new Error(t('errors.loadFailed', { file: src })));
      };
      document.head.appendChild(script);
    });
    state.scripts.set(src, pending);
  }
  return pending.then(() => {
    if (!map.has(key)) throw new Error(t('errors.wrongData', { file: src }));
    return map.get(key);
  });
}
const imagesFile = (project, n) => loadData('viewer/data/images-' + project.id + '-' + n + '.js', state.images, project.id + '/' + n);
const predictionsFile = (project) => loadData('viewer/data/predictions-' + project.id + '.js', state.predictions, project.id);
const safePath = (path) => (typeof path === 'string' && FILE_PATH.test(path) && !path.includes('..') ? path : null);

// Strings become text nodes and attribute values; nothing is ever parsed as HTML.
function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  return fill(node, children);
}
// Appends nodes and text, skipping null/false, flattening nested lists.
function fill(node, ...children) {
  for (const child of children.flat(4)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  return node;
}
// Intl formatters for the bundle's language, made once (a gallery page formats hundreds of values).
let formats = null;
function intl() {
  if (!formats || formats.lang !== lang) {
    formats = {
      lang: lang,
      num: new Intl.NumberFormat(lang),
      tenths: new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      pct: new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      date: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
    };
  }
  return formats;
}
const fmt = {
  num: (v) => (typeof v === 'number' ? intl().num.format(v) : '—'),
  pct: (v) => (typeof v === 'number' ? intl().pct.format(v) : '—'),
  bytes(v) {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let i = 0;
    for (; v >= 1024 && i < units.length - 1; i++) v /= 1024;
    return (i === 0 ? intl().num : intl().tenths).format(v) + ' ' + units[i];
  },
  // The service sends some times without a zone; they are UTC.
  date(text) {
    if (!text) return '—';
    const date = new Date(/T[^Z+]*$/.test(text) && !/-\d\d:\d\d$/.test(text) ? text + 'Z' : text);
    return Number.isNaN(date.getTime()) ? text : intl().date.format(date);
  },
  list: (items) => items.join(t('listSeparator')),
};
const table = (caption, headers, rows) =>
  h('div', { class: 'table-wrap' }, h('table', null, caption ? h('caption', null, caption) : null,
    h('thead', null, h('tr', null, headers.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', null, rows.map((row) => h('tr', null, row.map((cell) => h('td', { class: typeof cell === 'number' ? 'num' : null }, typeof cell === 'number' ? fmt.num(cell) : cell === null || cell === undefined ? '—' : cell)))))));
const facts = (pairs) => h('dl', { class: 'facts' }, pairs.filter((pair) => pair[1] !== null && pair[1] !== undefined && pair[1] !== '').map(([name, value]) => [h('dt', null, name), h('dd', null, value)]));
const section = (title, ...content) => h('section', null, h('h3', null, title), content);
const button = (label, enabled, action, keep) => h('button', { type: 'button', disabled: !enabled, onclick: action, 'data-keep': keep }, label);
const countOf = (project, what) => (project.counts.find((count) => count.what === what) || {}).value;

function link(params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  return '#' + query.toString();
}
function applyFocus(fallback) {
  const want = state.focus;
  state.focus = null;
  let target = null;
  if (want && want.id) target = Array.from(document.querySelectorAll('[data-id]')).find((node) => node.dataset.id === want.id);
  else if (want) target = document.querySelector(want);
  target = target || (fallback && state.started ? document.querySelector(fallback) : null);
  if (target) target.focus();
}

function start() {
  window.addEventListener('hashchange', render);
  document.addEventListener('keydown', (event) => {
    if (state.keys && !/^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName)) state.keys(event);
  });
  // Controls that survive a re-render keep the focus (e.g. pressing "Next page" again and again).
  document.addEventListener('click', (event) => {
    const keep = event.target.closest && event.target.closest('[data-keep]');
    if (keep) state.focus = '[data-keep="' + keep.dataset.keep + '"]';
  });
  render();
  state.started = true;
}

function render() {
  const ticket = ++state.ticket;
  const query = new URLSearchParams(location.hash.slice(1));
  const bundle = state.bundle;
  const project = bundle.projects.find((candidate) => candidate.id === query.get('p'));
  state.keys = null;
  const summary = bundle.summary;
  document.getElementById('source').textContent = [summary.displayName, summary.endpointHost].filter(Boolean).join(' · ');
  document.getElementById('nav').replaceChildren(h('ul', null,
    h('li', null, h('a', { href: '#', 'aria-current': project ? null : 'page' }, t('summary.heading'))),
    bundle.projects.map((p) => h('li', null, h('a', { href: link({ p: p.id }), 'aria-current': p === project ? 'page' : null }, p.name || t('noName'))))));
  const main = document.getElementById('main');
  main.replaceChildren();
  document.title = project ? t('projectTitle', { project: project.name || t('noName') }) : t('title');
  if (project) renderProject(main, project, query, ticket);
  else renderSummary(main, bundle);
}

const STATUSES = ['complete', 'partial', 'unknown'];
function warningsOf(bundle, only) {
  const name = (id) => (bundle.projects.find((p) => p.id === id) || { name: id }).name;
  const items = [];
  for (const project of bundle.projects) {
    if (only && project !== only) continue;
    for (const r of project.reconciliation.filter((entry) => !entry.ok)) {
      const text = t('warnings.mismatch', { what: label('checks', r.what), api: fmt.num(r.api), exported: fmt.num(r.exported) });
      items.push(only ? text : t('warnings.inProject', { project: project.name, text: text }));
    }
  }
  for (const problem of bundle.summary.problems) {
    if (only && problem.projectId !== only.id) continue;
    const text = t('warnings.problem', { message: problem.message, category: label('categories', problem.category) });
    items.push(problem.projectId && !only ? t('warnings.inProject', { project: name(problem.projectId), text: text }) : text);
  }
  return items.length ? h('section', { class: 'warnings', role: 'note' }, h('h3', null, t('warnings.heading')), h('ul', null, items.map((text) => h('li', null, text)))) : null;
}

function renderSummary(main, bundle) {
  const s = bundle.summary;
  fill(main,
    h('h2', { tabindex: -1 }, t('summary.heading')),
    h('p', { class: 'status status-' + s.status }, t('status.' + (STATUSES.includes(s.status) ? s.status : 'unknown'))),
    facts([[t('summary.sourceEndpoint'), s.endpointHost], [t('summary.resource'), s.resourceName], [t('summary.region'), s.region], [t('summary.account'), s.displayName],
      [t('summary.keyFingerprint'), s.keyFingerprint], [t('summary.exported'), fmt.date(s.exportedAt)], [t('summary.lastUpdated'), s.updatedAt && fmt.date(s.updatedAt)],
      [t('summary.exportedWith'), s.exportedWith], [t('summary.viewerWrittenBy'), bundle.tool.name + ' ' + bundle.tool.version]]),
    warningsOf(bundle, null),
    section(t('summary.projects'), bundle.projects.length === 0 ? h('p', null, t('summary.noProjects')) : table(null,
      ['project', 'type', 'taggedImages', 'untaggedImages', 'onlyInIterations', 'iterations', 'tags', 'modelExports', 'predictions'].map((key) => t('columns.' + key)),
      bundle.projects.map((p) => [h('a', { href: link({ p: p.id }) }, p.name || t('noName')), p.domain ? p.domain.name : '—',
        countOf(p, 'taggedImages'), countOf(p, 'untaggedImages'), countOf(p, 'imagesOnlyInIterations'), countOf(p, 'iterations'),
        countOf(p, 'tags'), countOf(p, 'exports'), countOf(p, 'predictions')]))),
    s.categories.length ? section(t('summary.byCategory'), table(null, [t('summary.category'), t('summary.items'), t('summary.size')],
      s.categories.map((c) => [label('categories', c.category), c.items, fmt.bytes(c.bytes)]))) : null,
    h('p', { class: 'muted' }, t('summary.footer')));
  applyFocus('main h2');
}
`;
