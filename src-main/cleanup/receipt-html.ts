/**
 * The receipt as a standalone HTML page: no script, no network (a CSP meta tag forbids
 * both), inline CSS only, readable offline years later. Every string that came from the
 * API or the user (project names, the account name, service messages) is data and is
 * escaped: a project named `<img src=x onerror=alert(1)>` shows as that text.
 *
 * The page speaks the receipt's language (catalogue `receipt`); dates and numbers are
 * formatted with Intl for it. Dates are shown in UTC, so the page reads the same on any
 * computer, with the exact ISO time kept in each <time datetime>.
 */
import { LanguageSchema, type Language } from '../../shared/model/preferences';
import type { CallRecord, ProofResult, ProvenItems, Receipt, Verification } from '../../shared/model/cleanup';
import { provenItems } from '../../shared/model/proven-items';
import { mainTranslator, type MainKey, type Translate } from '../i18n';
import type { MainText } from '../../shared/model/main-text';
import { joinSentences } from '../../shared/model/join-sentences';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
code,.id{font-family:ui-monospace,SFMono-Regular,Consolas,monospace;font-size:12px;word-break:break-all}
.banner{padding:.75rem 1rem;border-radius:6px;font-weight:600;margin:1rem 0}
.complete{background:#dafbe1;border:1px solid #4ac26b}.incomplete{background:#ffebe9;border:1px solid #ff8182}
.ok{color:#1a7f37;font-weight:600}.bad{color:#cf222e;font-weight:600}.unsure{color:#9a6700;font-weight:600}.muted{color:#57606a}
details summary{cursor:pointer}
@media print{details{display:block}body{margin:0}}
`;

/** What the page's parts share: the translator and the formatters of the receipt's language. */
interface Page {
  t: Translate<'receipt'>;
  /** Translated text, escaped, with `html` values inserted as markup (they are escaped by their makers). */
  html(key: MainKey<'receipt'>, html?: Record<string, string>, count?: number): string;
  num(value: number): string;
  date(iso: string): string;
}

/** The receipt's language: the one it records, English for receipts written before that. */
export function receiptLanguage(receipt: Receipt): Language {
  const parsed = LanguageSchema.safeParse(receipt.language);
  return parsed.success ? parsed.data : 'en';
}

function page(language: Language): Page {
  const t = mainTranslator(language, 'receipt');
  const numbers = new Intl.NumberFormat(language);
  // 24-hour clock: a record read years later should not hinge on "12 AM".
  const dates = new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  return {
    t,
    // Values go in as unique markers (private-use characters escapeHtml leaves alone and no
    // catalogue holds) so the translation is escaped as a whole and only then gets its markup.
    html(key, html = {}, count) {
      const names = Object.keys(html);
      const markers = Object.fromEntries(names.map((name, i) => [name, `\ue000${i}\ue001`]));
      const text = escapeHtml(t(key, count === undefined ? markers : { ...markers, count }));
      return text.replace(/\ue000(\d+)\ue001/g, (_, i: string) => html[names[Number(i)] ?? ''] ?? '');
    },
    num: (value) => numbers.format(value),
    date(iso) {
      const when = new Date(iso);
      const shown = Number.isNaN(when.getTime()) ? iso : dates.format(when);
      return `<time datetime="${escapeHtml(iso)}">${escapeHtml(shown)}</time>`;
    },
  };
}

export function renderReceiptHtml(receipt: Receipt, projectNames: ReadonlyMap<string, string> = new Map(), language: Language = receiptLanguage(receipt)): string {
  const p = page(language);
  const steps = receipt.verifications.length;
  // Receipts written before `proven` existed get it worked out from their checks, the same way.
  const proven = receipt.proven ?? provenItems(receipt.verifications);
  const items = proven.reduce((sum, kind) => sum + kind.items, 0);
  const project = (id: string | undefined): string => {
    if (id === undefined) return '<span class="muted">—</span>';
    const name = projectNames.get(id);
    return name === undefined ? `<span class="id">${escapeHtml(id)}</span>` : `${escapeHtml(name)}<br><span class="id">${escapeHtml(id)}</span>`;
  };
  const banner = receipt.complete
    ? `<p class="banner complete">${p.html('banner.complete', { items: p.num(items) }, items)}</p>`
    : `<p class="banner incomplete">${incompleteBanner(proven, p)}</p>`;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${p.html('title', { account: escapeHtml(receipt.account.displayName) })}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${p.html('heading')}</h1>`,
    banner,
    facts(receipt, p),
    `<h2>${p.html('counts.heading')}</h2>`,
    counts(receipt, p),
    projectsList(receipt, projectNames, p),
    takenAlong(receipt, project, p),
    `<h2>${p.html('proof.heading')}</h2>`,
    `<p class="muted">${p.html('proof.text')}</p>`,
    provenTable(proven, p),
    `<h3>${p.html('proof.checksHeading', { n: p.num(steps) }, steps)}</h3>`,
    proofTable(receipt.verifications, project, p),
    couldNotVerifyNote(receipt.verifications, p),
    leftInPlace(receipt, project, p),
    `<h2>${p.html('calls.heading', { n: p.num(receipt.calls.length) })}</h2>`,
    `<p class="muted">${p.html('calls.text')}</p>`,
    callsTable(receipt.calls, project, p),
    `<h2>${p.html('notDeletable.heading')}</h2>`,
    notDeletable(receipt, p),
    `<p class="muted">${p.html('footer', { planId: escapeHtml(receipt.planId) })}</p>`,
    '</body></html>',
    '',
  ].join('\n');
}

function facts(receipt: Receipt, p: Page): string {
  const { backup: b } = receipt;
  const backup =
    b.kind === 'bundle'
      ? p.html(b.exportedAt ? 'backup.bundleExported' : 'backup.bundle', {
          folder: `<code>${escapeHtml(b.folder)}</code>`,
          ...(b.exportedAt ? { exportedAt: p.date(b.exportedAt) } : {}),
          files: p.num(b.checkedFiles),
          checkedAt: p.date(b.checkedAt),
        })
      : p.html('backup.waived', { noBackup: `<span class="bad">${p.html('backup.noBackup')}</span>`, waivedAt: p.date(b.waivedAt) });
  const rows: Array<[MainKey<'receipt'>, string]> = [
    ['facts.account', escapeHtml(receipt.account.displayName)],
    ['facts.endpoint', p.html('facts.endpointValue', { host: `<code>${escapeHtml(receipt.account.endpointHost)}</code>`, fingerprint: `<code>${escapeHtml(receipt.account.keyFingerprint)}</code>` })],
    ['facts.scope', escapeHtml(receipt.scopeText)],
    ['facts.started', p.date(receipt.startedAt)],
    ['facts.finished', p.date(receipt.finishedAt)],
    ['facts.backup', backup],
  ];
  return `<table>${rows.map(([label, value]) => `<tr><th scope="row">${p.html(label)}</th><td>${value}</td></tr>`).join('')}</table>`;
}

function counts(receipt: Receipt, p: Page): string {
  const c = receipt.counts;
  const rows: Array<[MainKey<'receipt'>, number]> = [
    ['counts.projects', c.projects],
    ['counts.iterations', c.iterations],
    ['counts.publishedIterations', c.publishedIterations],
    ['counts.images', c.images],
    ['counts.imagesOnlyInIterations', c.imagesOnlyInIterations],
    ['counts.predictions', c.predictions],
    ['counts.tags', c.tags],
  ];
  const head = `<tr><th>${p.html('counts.category')}</th><th>${p.html('counts.items')}</th></tr>`;
  return `<table>${head}${rows.map(([label, n]) => `<tr><td>${p.html(label)}</td><td class="num">${p.num(n)}</td></tr>`).join('')}</table>`;
}

function projectsList(receipt: Receipt, names: ReadonlyMap<string, string>, p: Page): string {
  const ids = [...new Set(receipt.verifications.map((verification) => verification.projectId))];
  if (ids.length === 0) return `<p>${p.html('projects.none')}</p>`;
  const items = ids.map((id) => `<li>${escapeHtml(names.get(id) ?? p.t('projects.unknownName'))} <span class="id">${escapeHtml(id)}</span></li>`);
  return `<p>${p.html('projects.touched')}</p><ul>${items.join('')}</ul>`;
}

function targets(ids: readonly string[], p: Page): string {
  if (ids.length === 0) return '<span class="muted">—</span>';
  if (ids.length === 1) return `<span class="id">${escapeHtml(ids[0] ?? '')}</span>`;
  return `<details><summary>${p.html('ids', { n: p.num(ids.length) })}</summary><code>${ids.map(escapeHtml).join(' ')}</code></details>`;
}

/** A fixed word of the receipt (a category, an outcome) in the page's language, or the word itself. */
function word(p: Page, group: 'categories' | 'outcomes', value: string): string {
  const key = `${group}.${value}`;
  const text = p.t(key as MainKey<'receipt'>);
  return escapeHtml(text === key ? value : text);
}

/**
 * A text main wrote as a catalogue code (`texts.<code>` of the receipt catalogue) in the
 * receipt's language; the English it also wrote when the code is absent or unknown here
 * (a receipt written before codes existed, or by a newer version). Numbers in the reader's format.
 */
/** `sentences`: the texts are a detail's sentences, joined as sentences; otherwise a list of findings. */
function localized(p: Page, texts: readonly MainText[] | undefined, english: string, join: 'list' | 'sentences' = 'list'): string {
  if (!texts || texts.length === 0) return escapeHtml(english);
  const parts: string[] = [];
  for (const text of texts) {
    const key = `texts.${text.code}`;
    const values = Object.fromEntries(Object.entries(text.params ?? {}).map(([name, value]) => [name, typeof value === 'number' && name !== 'count' ? p.num(value) : value]));
    const said = p.t(key as MainKey<'receipt'>, values);
    if (said === key) return escapeHtml(english);
    parts.push(said);
  }
  return escapeHtml(join === 'sentences' ? joinSentences(parts) : parts.join(p.t('texts.separator')));
}

/** What a check found; receipts written before `result` existed only say verified or not. */
export function proofResult(verification: Verification): ProofResult {
  return verification.result ?? (verification.verified ? 'gone' : 'still-there');
}

const RESULT_WORDS: Readonly<Record<ProofResult, { key: MainKey<'receipt'>; className: string }>> = {
  gone: { key: 'proof.gone', className: 'ok' },
  'still-there': { key: 'proof.stillThere', className: 'bad' },
  'could-not-verify': { key: 'proof.couldNotVerify', className: 'unsure' },
};

/**
 * "Incomplete: 12 of 90 items are not proven gone (2 still there, 10 could not be verified)":
 * an item the service may or may not have deleted is never lumped in with one it kept.
 */
function incompleteBanner(proven: readonly ProvenItems[], p: Page): string {
  const items = proven.reduce((sum, kind) => sum + kind.items, 0);
  const stillThere = proven.reduce((sum, kind) => sum + kind.stillThere, 0);
  const couldNotVerify = proven.reduce((sum, kind) => sum + kind.couldNotVerify, 0);
  const parts = [
    stillThere > 0 ? p.html('banner.stillThere', { n: p.num(stillThere) }) : '',
    couldNotVerify > 0 ? p.html('banner.couldNotVerify', { n: p.num(couldNotVerify) }) : '',
  ].filter((part) => part !== '');
  // Every check passed yet the receipt is incomplete: some step of the plan was not checked at all.
  const said = parts.length > 0 ? parts.join(p.html('banner.partSeparator')) : p.html('banner.notChecked');
  return p.html('banner.incomplete', { items: p.num(items), unverified: p.num(stillThere + couldNotVerify), parts: said }, items);
}

/** Per kind of data: how many items the checks covered, and how many of them each result holds ("90 of 90 proven gone"). */
function provenTable(proven: readonly ProvenItems[], p: Page): string {
  if (proven.length === 0) return '';
  const cell = (n: number, className: string) => `<td class="num">${n > 0 ? `<span class="${className}">${p.num(n)}</span>` : p.num(n)}</td>`;
  const rows = proven.map(
    (kind) =>
      `<tr><td>${word(p, 'categories', kind.category)}</td><td>${p.html('proof.provenOf', { gone: p.num(kind.gone), items: p.num(kind.items) }, kind.items)}</td>` +
      `${cell(kind.stillThere, 'bad')}${cell(kind.couldNotVerify, 'unsure')}</tr>`,
  );
  const columns: Array<MainKey<'receipt'>> = ['proof.category', 'proof.provenGone', 'proof.stillThere', 'proof.couldNotVerify'];
  return `<table class="proven"><caption>${p.html('proof.provenCaption')}</caption><tr>${columns.map((key) => `<th>${p.html(key)}</th>`).join('')}</tr>${rows.join('\n')}</table>`;
}

function proofTable(verifications: readonly Verification[], project: (id: string) => string, p: Page): string {
  const rows = verifications.map((v, index) => {
    const result = RESULT_WORDS[proofResult(v)];
    return (
      `<tr><td class="num">${p.num(index)}</td><td>${word(p, 'categories', v.category)}</td><td>${project(v.projectId)}</td><td>${localized(p, v.checkText && [v.checkText], v.check)}</td><td>${targets(v.targetIds, p)}</td>` +
      `<td><span class="${result.className}">${p.html(result.key)}</span></td><td>${v.detail === undefined ? '' : localized(p, v.detailText && [v.detailText, ...(v.detailNotes ?? [])], v.detail, 'sentences')}</td></tr>`
    );
  });
  const columns: Array<MainKey<'receipt'>> = ['proof.step', 'proof.category', 'proof.project', 'proof.check', 'proof.targets', 'proof.result', 'proof.detail'];
  return `<table><tr>${columns.map((key) => `<th>${p.html(key)}</th>`).join('')}</tr>${rows.join('\n')}</table>`;
}

/** Said once, under the table, when any check could not tell: why those items do not count as deleted. */
function couldNotVerifyNote(verifications: readonly Verification[], p: Page): string {
  return verifications.some((v) => proofResult(v) === 'could-not-verify') ? `<p>${p.html('proof.couldNotVerifyText')}</p>` : '';
}

/** Every target left in place because it was no longer in the plan's scope, with why in the receipt's language (main's English for older receipts). */
function leftInPlace(receipt: Receipt, project: (id: string) => string, p: Page): string {
  const items = receipt.leftInPlace ?? [];
  if (items.length === 0) return '';
  const rows = items.map(
    (item) =>
      `<tr><td>${word(p, 'categories', item.category)}</td><td>${project(item.projectId)}</td><td><span class="id">${escapeHtml(item.id)}</span></td><td>${localized(p, item.reasonText, item.reason)}</td></tr>`,
  );
  const columns: Array<MainKey<'receipt'>> = ['leftInPlace.category', 'leftInPlace.project', 'leftInPlace.id', 'leftInPlace.reason'];
  return [
    `<h2>${p.html('leftInPlace.heading', { n: p.num(items.length) })}</h2>`,
    `<p>${p.html('leftInPlace.text')}</p>`,
    `<table><tr>${columns.map((key) => `<th>${p.html(key)}</th>`).join('')}</tr>${rows.join('\n')}</table>`,
  ].join('\n');
}

/** A model's name as the service gives it: platform, then flavor when there is one (both data). */
function modelName(model: { platform: string; flavor: string | null }): string {
  return model.flavor === null ? model.platform : `${model.platform} ${model.flavor}`;
}

/** What the deleted iterations or projects took along, per project: images, model exports, performance. */
function takenAlong(receipt: Receipt, project: (id: string) => string, p: Page): string {
  const rows = (receipt.implicit ?? []).flatMap((loss) => {
    const row = (what: string, ids: readonly string[]) => `<tr><td>${project(loss.projectId)}</td><td>${what}</td><td>${targets(ids, p)}</td></tr>`;
    return [
      loss.imageIds.length > 0 ? row(p.html('takenAlong.images', { n: p.num(loss.imageIds.length) }, loss.imageIds.length), loss.imageIds) : '',
      ...loss.models.map((model) =>
        row(p.html(model.file ? 'takenAlong.model' : 'takenAlong.modelNoFile', { platform: `<strong>${escapeHtml(modelName(model))}</strong>` }), [model.iterationId]),
      ),
      loss.performance.length > 0 ? row(p.html('takenAlong.performance', { n: p.num(loss.performance.length) }, loss.performance.length), loss.performance) : '',
    ].filter((line) => line !== '');
  });
  if (rows.length === 0) return '';
  const columns: Array<MainKey<'receipt'>> = ['takenAlong.project', 'takenAlong.what', 'takenAlong.ids'];
  return [
    `<h2>${p.html('takenAlong.heading')}</h2>`,
    `<p class="muted">${p.html('takenAlong.text')}</p>`,
    `<table><tr>${columns.map((key) => `<th>${p.html(key)}</th>`).join('')}</tr>${rows.join('\n')}</table>`,
  ].join('\n');
}

function callsTable(calls: readonly CallRecord[], project: (id: string | undefined) => string, p: Page): string {
  const rows = calls.map((call) => {
    const status = call.status === 0 ? `<span class="muted">${p.html(call.outcome === 'skipped' ? 'calls.notSent' : 'calls.noAnswer')}</span>` : String(call.status);
    const step = call.step === undefined ? `<span class="muted">${p.html('calls.poll')}</span>` : p.num(call.step);
    return (
      `<tr><td>${p.date(call.at)}</td><td class="num">${step}</td><td>${escapeHtml(call.operation)}</td><td>${project(call.projectId)}</td>` +
      `<td>${targets(call.targetIds, p)}</td><td class="num">${status}</td><td><span class="id">${escapeHtml(call.requestId ?? '')}</span></td>` +
      `<td>${call.outcome === undefined ? '' : word(p, 'outcomes', call.outcome)}</td><td>${call.message === undefined ? '' : localized(p, call.messageText, call.message)}</td></tr>`
    );
  });
  const columns: Array<MainKey<'receipt'>> = [
    'calls.time',
    'calls.step',
    'calls.operation',
    'calls.project',
    'calls.targets',
    'calls.status',
    'calls.requestId',
    'calls.outcome',
    'calls.message',
  ];
  return `<table><tr>${columns.map((key) => `<th>${p.html(key)}</th>`).join('')}</tr>${rows.join('\n')}</table>`;
}

/** The texts are the receipt's own (notDeletable, in its language), escaped like any data. */
function notDeletable(receipt: Receipt, p: Page): string {
  const items = receipt.notDeletable.map((item) => {
    // Only https links are made clickable; anything else is shown as text.
    const link = item.url === undefined ? '' : item.url.startsWith('https://') ? ` <a href="${escapeHtml(item.url)}" rel="noreferrer">${escapeHtml(item.url)}</a>` : ` ${escapeHtml(item.url)}`;
    return `<li>${p.html('notDeletable.item', { what: `<strong>${escapeHtml(item.what)}</strong>`, how: escapeHtml(item.how) })}${link}</li>`;
  });
  return `<ul>${items.join('\n')}</ul>`;
}
