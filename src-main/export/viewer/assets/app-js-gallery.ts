/**
 * app.js, part 3 of 3: the image gallery and the one-image view. Pages are computed from
 * the filter index in bundle.js, so only the data files a page needs are loaded; region
 * boxes are percentages of a frame that has the image's exact aspect ratio.
 */
export const APP_JS_GALLERY = String.raw`
const matches = (filter, record) =>
  filter.kind === 'tag' ? record.tags.includes(filter.name) : filter.kind === 'untagged' ? record.tags.length === 0 : record.onlyInIteration === true;

// The records of one screen: walk [file, matching count] pairs, load only files that hold some.
async function pageRecords(project, filter, page) {
  const index = project.images;
  const files = filter ? filter.files : Array.from({ length: index.files }, (_, k) => [k + 1, Math.min(index.perFile, index.total - k * index.perFile)]);
  let skip = (page - 1) * PER_PAGE;
  const out = [];
  for (const [file, count] of files) {
    if (out.length >= PER_PAGE) break;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    const records = (await imagesFile(project, file)).filter((record) => !filter || matches(filter, record));
    out.push(...records.slice(skip, skip + PER_PAGE - out.length));
    skip = 0;
  }
  return out;
}

const unit = (v) => Math.min(1, Math.max(0, Number(v) || 0)) * 100 + '%';
// A stable colour per tag name; the golden angle keeps similar names apart.
function hue(text) {
  let n = 0;
  for (const char of text) n = (n * 31 + char.codePointAt(0)) % 1000003;
  return Math.round((n * 137.508) % 360);
}
// An image in a frame of its own aspect ratio, with region boxes on top. Sizes go through
// element.style (CSSOM), which a style-src 'self' policy allows; style attributes it would not.
function frame(file, width, height, regions, size, alt) {
  const box = h('div', { class: 'frame frame-' + size });
  const fit = (w, hgt) => {
    const ratio = w / hgt;
    box.style.aspectRatio = w + ' / ' + hgt;
    box.style.width = size === 'big' ? 'min(100%, ' + w + 'px, calc(70vh * ' + ratio + '))' : 'min(100%, calc(var(--' + size + ') * ' + Math.min(1, ratio) + '))';
  };
  const known = width > 0 && height > 0;
  fit(known ? width : 4, known ? height : 3);
  const path = safePath(file);
  if (!path) box.append(h('span', { class: 'missing' }, t('gallery.imageMissing')));
  else {
    const img = h('img', { src: path, alt: alt, loading: size === 'big' ? null : 'lazy', decoding: 'async' });
    if (!known) img.addEventListener('load', () => img.naturalWidth && fit(img.naturalWidth, img.naturalHeight));
    box.append(img);
  }
  for (const region of regions) {
    const label = size === 'thumb' ? null : h('span', { class: 'region-label' }, region.tag);
    const r = h('div', { class: 'region', title: region.tag }, label);
    r.style.left = unit(region.left);
    r.style.top = unit(region.top);
    r.style.width = unit(region.width);
    r.style.height = unit(region.height);
    r.style.setProperty('--hue', String(hue(region.tag)));
    box.append(r);
  }
  return box;
}

async function renderGallery(body, project, query, ticket) {
  const index = project.images;
  const f = query.get('f');
  const filter = f !== null && f !== '' ? index.filters[Number(f)] || null : null;
  const total = filter ? filter.count : index.total;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const page = Math.min(pages, Math.max(1, parseInt(query.get('n'), 10) || 1));
  const at = (changes) => link(Object.assign({ p: project.id, v: 'images', f: filter ? f : null, n: page }, changes));
  const go = (changes) => () => { location.hash = at(changes); };
  const select = h('select', { id: 'filter' }, h('option', { value: '' }, t('gallery.allImages', { count: fmt.num(index.total) })),
    index.filters.map((item, i) => h('option', { value: String(i), selected: filter === item }, t('gallery.filterOption', { name: filterLabel(item), count: fmt.num(item.count) }))));
  select.addEventListener('change', () => {
    state.focus = '#filter';
    location.hash = at({ f: select.value, n: 1 });
  });
  const pageInput = h('input', { id: 'page', type: 'number', min: 1, max: pages, value: page, inputmode: 'numeric' });
  const form = h('form', { class: 'pager', 'aria-label': t('gallery.pages') },
    button(t('gallery.previousPage'), page > 1, go({ n: page - 1 }), 'prev'),
    h('label', { for: 'page' }, t('gallery.page')), pageInput, h('span', null, t('gallery.ofPages', { pages: fmt.num(pages) })),
    h('button', { type: 'submit', 'data-keep': 'goto' }, t('gallery.go')),
    button(t('gallery.nextPage'), page < pages, go({ n: page + 1 }), 'next'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = at({ n: Math.min(pages, Math.max(1, parseInt(pageInput.value, 10) || 1)) });
  });
  const status = h('p', { class: 'muted', role: 'status' }, t('gallery.loading'));
  const area = h('div');
  body.append(h('div', { class: 'controls' }, h('label', { for: 'filter' }, t('gallery.show')), select, form), status, area);
  let records;
  try {
    records = await pageRecords(project, filter, page);
  } catch (error) {
    if (ticket === state.ticket) status.replaceChildren(h('span', { class: 'error', role: 'alert' }, error.message));
    return;
  }
  if (ticket !== state.ticket) return;
  const first = (page - 1) * PER_PAGE;
  status.textContent = total === 0 ? t('gallery.none') : t('gallery.showing', { from: fmt.num(first + 1), to: fmt.num(first + records.length), total: fmt.num(total) });
  const wanted = query.get('i');
  const selected = wanted === ':first' ? 0 : wanted === ':last' ? records.length - 1 : records.findIndex((record) => record.id === wanted);
  if (wanted && selected >= 0 && records[selected]) return renderDetail(area, records, selected, at, page, pages);
  area.append(h('ul', { class: 'grid', 'aria-label': t('gallery.images') }, records.map((record) => h('li', null,
    h('button', { type: 'button', class: 'thumb', 'data-id': record.id,
      'aria-label': record.tags.length ? t('gallery.thumbTagged', { id: record.id, tags: fmt.list(record.tags) }) : t('gallery.thumbUntagged', { id: record.id }),
      onclick: () => { location.hash = at({ i: record.id }); } },
    h('span', { class: 'slot' }, frame(record.file, record.width, record.height, record.regions, 'thumb', '')),
    h('span', { class: 'caption' }, record.tags.length ? fmt.list(record.tags) : t('gallery.untagged')))))));
  applyFocus('main h2');
}

function renderDetail(area, records, index, at, page, pages) {
  const record = records[index];
  const prev = index > 0 ? at({ i: records[index - 1].id }) : page > 1 ? at({ n: page - 1, i: ':last' }) : null;
  const next = index < records.length - 1 ? at({ i: records[index + 1].id }) : page < pages ? at({ n: page + 1, i: ':first' }) : null;
  const back = () => {
    state.focus = { id: record.id };
    location.hash = at({ i: null });
  };
  const step = (target, label, keep) => (target ? h('a', { href: target, class: 'button', 'data-keep': keep }, label) : button(label, false));
  state.keys = (event) => {
    if (event.key === 'Escape') back();
    else if (event.key === 'ArrowLeft' && prev) location.hash = prev;
    else if (event.key === 'ArrowRight' && next) location.hash = next;
  };
  area.append(h('section', { class: 'detail', 'aria-labelledby': 'detail-title' },
    h('div', { class: 'detail-bar' }, button(t('detail.back'), true, back), step(prev, t('detail.previous'), 'prev-image'), step(next, t('detail.next'), 'next-image'),
      h('span', { class: 'muted' }, t('detail.keys'))),
    h('h3', { id: 'detail-title', tabindex: -1 }, t('detail.image', { id: record.id })),
    frame(record.file, record.width, record.height, record.regions, 'big', t('detail.image', { id: record.id })),
    facts([[t('detail.size'), record.width && record.height ? t('detail.sizeValue', { width: fmt.num(record.width), height: fmt.num(record.height) }) : null],
      [t('detail.uploaded'), fmt.date(record.created)],
      [t('detail.tags'), record.tags.length ? h('ul', { class: 'chips' }, record.tags.map((tag) => h('li', null, tag))) : t('gallery.untagged')],
      [t('detail.onlyInIterations'), record.onlyInIteration ? fmt.list(record.iterations) || t('detail.yes') : null],
      [t('detail.originalFile'), safePath(record.file) ? h('a', { href: safePath(record.file) }, t('detail.openOriginal')) : t('detail.notInBundle')]]),
    record.regions.length ? table(t('detail.regions'), ['tag', 'left', 'top', 'width', 'height'].map((key) => t('detail.' + key)),
      record.regions.map((r) => [r.tag, r.left.toFixed(4), r.top.toFixed(4), r.width.toFixed(4), r.height.toFixed(4)])) : null,
    record.metadata.length ? table(t('detail.metadata'), [t('detail.key'), t('detail.value')], record.metadata) : null));
  applyFocus('#detail-title');
}
`;
