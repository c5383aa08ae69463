/**
 * The receipt as a standalone HTML page: no script, no network (a CSP meta tag forbids
 * both), inline CSS only, readable offline years later. Every string that came from the
 * API or the user (project names, the account name, service messages) is data and is
 * escaped: a project named `<img src=x onerror=alert(1)>` shows as that text.
 */
import type { CallRecord, Receipt, Verification } from '../../shared/model/cleanup';

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
.ok{color:#1a7f37;font-weight:600}.bad{color:#cf222e;font-weight:600}.muted{color:#57606a}
details summary{cursor:pointer}
@media print{details{display:block}body{margin:0}}
`;

export function renderReceiptHtml(receipt: Receipt, projectNames: ReadonlyMap<string, string> = new Map()): string {
  const unverified = receipt.verifications.filter((verification) => !verification.verified).length;
  const project = (id: string | undefined): string => {
    if (id === undefined) return '<span class="muted">—</span>';
    const name = projectNames.get(id);
    return name === undefined ? `<span class="id">${escapeHtml(id)}</span>` : `${escapeHtml(name)}<br><span class="id">${escapeHtml(id)}</span>`;
  };
  const banner = receipt.complete
    ? `<p class="banner complete">Complete: every one of the ${receipt.verifications.length} steps was verified by reading the account again.</p>`
    : `<p class="banner incomplete">Incomplete: ${unverified} of ${receipt.verifications.length} steps could not be verified. Run the same plan again to resume; see the proof below.</p>`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Deletion receipt — ${escapeHtml(receipt.account.displayName)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    '<h1>Custom Vision deletion receipt</h1>',
    banner,
    facts(receipt),
    '<h2>What the plan deleted</h2>',
    counts(receipt),
    projectsList(receipt, projectNames),
    '<h2>Proof</h2>',
    '<p class="muted">After the run every item in scope was read again: 404 from GetProject / GetIteration / GetTag, image counts of 0 or GetImagesByIds returning none of the ids, stored predictions no longer returned.</p>',
    proofTable(receipt.verifications, project),
    `<h2>Calls (${receipt.calls.length})</h2>`,
    '<p class="muted">Every call of the run, as journaled before the next one was made. Quote the request id to Microsoft support. 202 means the service accepted a deletion that finishes in the background; the proof above is what counts.</p>',
    callsTable(receipt.calls, project),
    '<h2>What the Training API cannot delete</h2>',
    notDeletable(receipt),
    `<p class="muted">Written by CV Steward. Plan ${escapeHtml(receipt.planId)}. This receipt contains no key.</p>`,
    '</body></html>',
    '',
  ].join('\n');
}

function facts(receipt: Receipt): string {
  const backup =
    receipt.backup.kind === 'bundle'
      ? `Export bundle <code>${escapeHtml(receipt.backup.folder)}</code>${receipt.backup.exportedAt ? `, exported ${escapeHtml(receipt.backup.exportedAt)}` : ''}; ${receipt.backup.checkedFiles} files re-hashed and every planned item found in it at ${escapeHtml(receipt.backup.checkedAt)}`
      : `<span class="bad">No backup: the user waived it</span> at ${escapeHtml(receipt.backup.waivedAt)}`;
  const rows: Array<[string, string]> = [
    ['Account', escapeHtml(receipt.account.displayName)],
    ['Endpoint', `<code>${escapeHtml(receipt.account.endpointHost)}</code> (key fingerprint <code>${escapeHtml(receipt.account.keyFingerprint)}</code>)`],
    ['Scope', escapeHtml(receipt.scopeText)],
    ['Started', escapeHtml(receipt.startedAt)],
    ['Finished', escapeHtml(receipt.finishedAt)],
    ['Backup relied on', backup],
  ];
  return `<table>${rows.map(([label, value]) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`).join('')}</table>`;
}

function counts(receipt: Receipt): string {
  const c = receipt.counts;
  const rows: Array<[string, number]> = [
    ['Projects', c.projects],
    ['Iterations', c.iterations],
    ['… of them published (unpublished first)', c.publishedIterations],
    ['Images', c.images],
    ['… of them kept only by trained iterations', c.imagesOnlyInIterations],
    ['Stored predictions', c.predictions],
    ['Tags', c.tags],
  ];
  return `<table><tr><th>Category</th><th>Items in the plan</th></tr>${rows.map(([label, n]) => `<tr><td>${label}</td><td class="num">${n}</td></tr>`).join('')}</table>`;
}

function projectsList(receipt: Receipt, names: ReadonlyMap<string, string>): string {
  const ids = [...new Set(receipt.verifications.map((verification) => verification.projectId))];
  if (ids.length === 0) return '<p>The plan had no steps: there was nothing to delete.</p>';
  const items = ids.map((id) => `<li>${escapeHtml(names.get(id) ?? '(name unknown)')} <span class="id">${escapeHtml(id)}</span></li>`);
  return `<p>Projects touched:</p><ul>${items.join('')}</ul>`;
}

function targets(ids: readonly string[]): string {
  if (ids.length === 0) return '<span class="muted">—</span>';
  if (ids.length === 1) return `<span class="id">${escapeHtml(ids[0] ?? '')}</span>`;
  return `<details><summary>${ids.length} ids</summary><code>${ids.map(escapeHtml).join(' ')}</code></details>`;
}

function proofTable(verifications: readonly Verification[], project: (id: string) => string): string {
  const rows = verifications.map(
    (v, index) =>
      `<tr><td class="num">${index}</td><td>${escapeHtml(v.category)}</td><td>${project(v.projectId)}</td><td>${escapeHtml(v.check)}</td><td>${targets(v.targetIds)}</td>` +
      `<td>${v.verified ? '<span class="ok">✓ verified</span>' : '<span class="bad">✗ not verified</span>'}</td><td>${escapeHtml(v.detail ?? '')}</td></tr>`,
  );
  return `<table><tr><th>Step</th><th>Category</th><th>Project</th><th>Check</th><th>Targets</th><th>Result</th><th>Detail</th></tr>${rows.join('\n')}</table>`;
}

function callsTable(calls: readonly CallRecord[], project: (id: string | undefined) => string): string {
  const rows = calls.map((call) => {
    const status = call.status === 0 ? `<span class="muted">${call.outcome === 'skipped' ? 'not sent' : 'no answer'}</span>` : String(call.status);
    return (
      `<tr><td>${escapeHtml(call.at)}</td><td class="num">${call.step ?? '<span class="muted">poll</span>'}</td><td>${escapeHtml(call.operation)}</td><td>${project(call.projectId)}</td>` +
      `<td>${targets(call.targetIds)}</td><td class="num">${status}</td><td><span class="id">${escapeHtml(call.requestId ?? '')}</span></td>` +
      `<td>${escapeHtml(call.outcome ?? '')}</td><td>${escapeHtml(call.message ?? '')}</td></tr>`
    );
  });
  return `<table><tr><th>Time</th><th>Step</th><th>Operation</th><th>Project</th><th>Targets</th><th>HTTP status</th><th>Request id</th><th>Outcome</th><th>Message</th></tr>${rows.join('\n')}</table>`;
}

function notDeletable(receipt: Receipt): string {
  const items = receipt.notDeletable.map((item) => {
    // Only https links are made clickable; anything else is shown as text.
    const link = item.url === undefined ? '' : item.url.startsWith('https://') ? ` <a href="${escapeHtml(item.url)}" rel="noreferrer">${escapeHtml(item.url)}</a>` : ` ${escapeHtml(item.url)}`;
    return `<li><strong>${escapeHtml(item.what)}.</strong> ${escapeHtml(item.how)}${link}</li>`;
  });
  return `<ul>${items.join('\n')}</ul>`;
}
