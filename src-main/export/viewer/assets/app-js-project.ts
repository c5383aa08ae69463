/** app.js, part 2 of 3: a project's page — tags, iterations with performance, model exports, stored predictions. */
export const APP_JS_PROJECT = String.raw`
const PREDICTIONS_PER_PAGE = 50;
const filterLabel = (filter) => (filter.kind === 'untagged' ? 'Untagged' : filter.kind === 'iteration' ? 'Only in iterations' : filter.name);

function renderProject(main, project, query, ticket) {
  const view = query.get('v') || 'overview';
  const tabs = [['overview', 'Overview'], ['images', 'Images (' + fmt.num(project.images.total) + ')'], ['predictions', 'Stored predictions (' + fmt.num(project.predictions.count) + ')']];
  fill(main,
    h('h2', { tabindex: -1 }, project.name || '(no name)'),
    project.description ? h('p', null, project.description) : null,
    facts([['Project id', project.id], ['Type', project.domain && project.domain.name + (project.domain.type ? ' (' + project.domain.type + ')' : '')],
      ['Classification', project.classificationType], ['Created', project.created && fmt.date(project.created)]]),
    h('nav', { class: 'tabs', 'aria-label': 'Project sections' }, tabs.map(([key, label]) =>
      h('a', { href: link({ p: project.id, v: key === 'overview' ? null : key }), 'aria-current': key === view ? 'page' : null }, label))));
  const body = h('div', { class: 'view' });
  main.append(body);
  if (view === 'images') renderGallery(body, project, query, ticket);
  else if (view === 'predictions') renderPredictions(body, project, query, ticket);
  else renderOverview(body, project);
}

function renderOverview(body, project) {
  const filterIndex = (name) => project.images.filters.findIndex((f) => f.kind === 'tag' && f.name === name);
  const typeCell = (type) => (type === 'Negative' ? h('span', { class: 'badge badge-negative' }, 'Negative') : type);
  const score = (s) => [fmt.pct(s.precision), fmt.pct(s.recall), fmt.pct(s.averagePrecision)];
  const exports = project.iterations.flatMap((it) => it.exports.map((e) => [it.name, e.platform, e.flavor || '—', e.status + (e.newerVersionAvailable ? ' (newer version available)' : ''),
    safePath(e.file) ? h('a', { href: safePath(e.file) }, 'Model zip') : 'not in bundle']));
  fill(body,
    warningsOf(state.bundle, project),
    section('Tags', project.tags.length === 0 ? h('p', null, 'No tags.') : table(null, ['Tag', 'Type', 'Images (service)', 'Images in bundle'],
      project.tags.map((tag) => [filterIndex(tag.name) < 0 ? tag.name : h('a', { href: link({ p: project.id, v: 'images', f: filterIndex(tag.name) }) }, tag.name),
        typeCell(tag.type), tag.imageCount, tag.inBundle]))),
    section('Iterations', project.iterations.length === 0 ? h('p', null, 'No iterations.') : [
      table(null, ['Iteration', 'Status', 'Published as', 'Trained', 'Precision', 'Recall', 'AP'],
        project.iterations.map((it) => [it.name, it.status, it.publishName || 'not published', it.trainedAt ? fmt.date(it.trainedAt) : 'not trained']
          .concat(it.performance ? score(it.performance) : ['—', '—', '—']))),
      project.iterations.filter((it) => it.performance && it.performance.perTag.length).map((it) =>
        table('Performance by tag — ' + it.name, ['Tag', 'Precision', 'Recall', 'AP'], it.performance.perTag.map((s) => [s.name].concat(score(s))))),
    ]),
    section('Model exports', exports.length === 0 ? h('p', null, 'No model exports.') : table(null, ['Iteration', 'Platform', 'Flavor', 'Status', 'File'], exports)));
  applyFocus('main h2');
}

async function renderPredictions(body, project, query, ticket) {
  body.append(h('p', { class: 'muted', role: 'status' }, 'Loading stored predictions…'));
  let records;
  try {
    records = await predictionsFile(project);
  } catch (error) {
    if (ticket === state.ticket) body.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message));
    return;
  }
  if (ticket !== state.ticket) return;
  const pages = Math.max(1, Math.ceil(records.length / PREDICTIONS_PER_PAGE));
  const page = Math.min(pages, Math.max(1, parseInt(query.get('n'), 10) || 1));
  const at = (n) => link({ p: project.id, v: 'predictions', n: n });
  const go = (n, keep) => () => { state.focus = '[data-keep="' + keep + '"]'; location.hash = at(n); };
  body.replaceChildren();
  fill(body,
    h('p', null, 'Predictions made with a published iteration, as the service stored them (it keeps them for 30 days), with the image sent and the most likely tags.'),
    records.length === 0 ? h('p', null, 'No stored predictions in this bundle.') : [
      h('div', { class: 'pager' }, button('Previous page', page > 1, go(page - 1, 'pp-prev'), 'pp-prev'),
        h('span', null, 'Page ' + page + ' of ' + pages), button('Next page', page < pages, go(page + 1, 'pp-next'), 'pp-next')),
      h('ul', { class: 'predictions' }, records.slice((page - 1) * PREDICTIONS_PER_PAGE, page * PREDICTIONS_PER_PAGE).map((record) => h('li', { class: 'prediction' },
        frame(record.file, 0, 0, record.predictions.filter((p) => p.box).map((p) => Object.assign({ tag: p.tag + ' ' + fmt.pct(p.probability) }, p.box)), 'medium', 'Prediction image'),
        h('div', null, h('h3', null, fmt.date(record.created)), facts([['Prediction id', record.id], ['Iteration', record.iteration]]),
          h('ol', { class: 'top' }, record.predictions.map((p) => h('li', null, p.tag + ': ' + fmt.pct(p.probability)))))))),
    ]);
  applyFocus('main h2');
}
`;
