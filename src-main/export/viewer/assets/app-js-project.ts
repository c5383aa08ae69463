/** app.js, part 2 of 3: a project's page — tags, iterations with performance, model exports, stored predictions. */
export const APP_JS_PROJECT = String.raw`
const PREDICTIONS_PER_PAGE = 50;
const filterLabel = (filter) => (filter.kind === 'untagged' ? t('gallery.untaggedFilter') : filter.kind === 'iteration' ? t('gallery.onlyInIterationsFilter') : filter.name);

function renderProject(main, project, query, ticket) {
  const view = query.get('v') || 'overview';
  const tabs = [['overview', t('project.overview')], ['images', t('project.imagesTab', { count: fmt.num(project.images.total) })],
    ['predictions', t('project.predictionsTab', { count: fmt.num(project.predictions.count) })]];
  fill(main,
    h('h2', { tabindex: -1 }, project.name || t('noName')),
    project.description ? h('p', null, project.description) : null,
    facts([[t('project.projectId'), project.id], [t('project.type'), project.domain && project.domain.name + (project.domain.type ? ' (' + label('domainTypes', project.domain.type) + ')' : '')],
      [t('project.classification'), project.classificationType && label('classificationTypes', project.classificationType)], [t('project.created'), project.created && fmt.date(project.created)]]),
    h('nav', { class: 'tabs', 'aria-label': t('project.sections') }, tabs.map(([key, text]) =>
      h('a', { href: link({ p: project.id, v: key === 'overview' ? null : key }), 'aria-current': key === view ? 'page' : null }, text))));
  const body = h('div', { class: 'view' });
  main.append(body);
  if (view === 'images') renderGallery(body, project, query, ticket);
  else if (view === 'predictions') renderPredictions(body, project, query, ticket);
  else renderOverview(body, project);
}

function renderOverview(body, project) {
  const filterIndex = (name) => project.images.filters.findIndex((f) => f.kind === 'tag' && f.name === name);
  const typeCell = (type) => (type === 'Negative' ? h('span', { class: 'badge badge-negative' }, label('tagTypes', type)) : label('tagTypes', type));
  const score = (s) => [fmt.pct(s.precision), fmt.pct(s.recall), fmt.pct(s.averagePrecision)];
  const exports = project.iterations.flatMap((it) => it.exports.map((e) => [it.name, e.platform, e.flavor || '—', e.newerVersionAvailable ? t('exports.newer', { status: e.status && label('exportStatuses', e.status) }) : e.status && label('exportStatuses', e.status),
    safePath(e.file) ? h('a', { href: safePath(e.file) }, t('exports.modelZip')) : t('exports.notInBundle')]));
  fill(body,
    warningsOf(state.bundle, project),
    section(t('tags.heading'), project.tags.length === 0 ? h('p', null, t('tags.none')) : [table(null, [t('tags.tag'), t('tags.type'), t('tags.imagesService'), t('tags.imagesInBundle')],
      project.tags.map((tag) => [filterIndex(tag.name) < 0 ? tag.name : h('a', { href: link({ p: project.id, v: 'images', f: filterIndex(tag.name) }) }, tag.name),
        typeCell(tag.type), tag.imageCount, tag.inBundle])),
      // The two columns count different things on purpose: say why wherever they differ.
      project.tags.some((tag) => tag.imageCount !== null && tag.imageCount !== tag.inBundle) ? h('p', { class: 'muted tags-counts-differ' }, t('tags.countsDiffer')) : null]),
    section(t('iterations.heading'), project.iterations.length === 0 ? h('p', null, t('iterations.none')) : [
      table(null, ['iteration', 'status', 'publishedAs', 'trained', 'precision', 'recall', 'ap'].map((key) => t('iterations.' + key)),
        project.iterations.map((it) => [it.name, it.status && label('iterationStatuses', it.status), it.publishName || t('iterations.notPublished'), it.trainedAt ? fmt.date(it.trainedAt) : t('iterations.notTrained')]
          .concat(it.performance ? score(it.performance) : ['—', '—', '—']))),
      project.iterations.filter((it) => it.performance && it.performance.perTag.length).map((it) =>
        table(t('iterations.perTag', { iteration: it.name }), [t('tags.tag'), t('iterations.precision'), t('iterations.recall'), t('iterations.ap')],
          it.performance.perTag.map((s) => [s.name].concat(score(s))))),
    ]),
    section(t('exports.heading'), exports.length === 0 ? h('p', null, t('exports.none')) : table(null,
      [t('iterations.iteration'), t('exports.platform'), t('exports.flavor'), t('exports.status'), t('exports.file')], exports)));
  applyFocus('main h2');
}

async function renderPredictions(body, project, query, ticket) {
  body.append(h('p', { class: 'muted', role: 'status' }, t('predictions.loading')));
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
    h('p', null, t('predictions.intro')),
    records.length === 0 ? h('p', null, t('predictions.none')) : [
      h('div', { class: 'pager' }, button(t('gallery.previousPage'), page > 1, go(page - 1, 'pp-prev'), 'pp-prev'),
        h('span', null, t('predictions.page', { page: fmt.num(page), pages: fmt.num(pages) })), button(t('gallery.nextPage'), page < pages, go(page + 1, 'pp-next'), 'pp-next')),
      h('ul', { class: 'predictions' }, records.slice((page - 1) * PREDICTIONS_PER_PAGE, page * PREDICTIONS_PER_PAGE).map((record) => h('li', { class: 'prediction' },
        frame(record.file, 0, 0, record.predictions.filter((p) => p.box).map((p) => Object.assign({ tag: p.tag + ' ' + fmt.pct(p.probability) }, p.box)), 'medium', t('predictions.image')),
        h('div', null, h('h3', null, fmt.date(record.created)), facts([[t('predictions.id'), record.id], [t('predictions.iteration'), record.iteration]]),
          h('ol', { class: 'top' }, record.predictions.map((p) => h('li', null, t('predictions.top', { tag: p.tag, probability: fmt.pct(p.probability) })))))))),
    ]);
  applyFocus('main h2');
}
`;
