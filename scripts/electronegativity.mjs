// Runs Electronegativity (Doyensec's Electron security scanner) over the code that
// decides the app's security — src-main/electron, src-main/preload and src-renderer —
// and fails on any finding that security/electronegativity-justifications.json does not
// justify. Part of `npm test` (README, "Security model"). Exit codes: 0 clean or every
// finding justified; 1 unjustified or stale findings, files it could not parse, or a
// scan that failed or timed out.
//
// Why it is wrapped like this:
// - Electronegativity takes one input path, so the three folders are copied into one
//   staging folder; findings then carry repo-relative paths (`src-main/electron/main.ts`).
// - It runs in a child process with a hard timeout, and without network (see withoutNetwork): on start-up it tries to download
//   translations (offline it prints "Could not retrieve updated translations" and goes
//   on), and nothing here may hang `npm test`.
// - AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is excluded: it downloads Electron's release
//   list and needs a package.json in the input. Keeping Electron current is a release
//   task (the README says how), and a test gate that turns red when Electron ships a
//   release would not be deterministic.
// - The CLI drops the list of files it could not parse when it writes a report file; the
//   programmatic API returns it, and an unparsed file is an unchecked file, so it fails.
// - Inline `eng-disable` comments would hide findings silently; every exception must be
//   in the justification file, so they fail too.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['src-main/electron', 'src-main/preload', 'src-renderer'];
const JUSTIFICATIONS = join(ROOT, 'security', 'electronegativity-justifications.json');
const OUT_DIR = join(ROOT, 'artifacts', 'electronegativity');
const TIMEOUT_MS = 120_000;
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

if (process.argv[2] === '--scan') await scan(JSON.parse(process.argv[3] ?? '{}'));
else process.exit(main());

/**
 * Electronegativity's only network use is `got`: the translations it fetches on start-up
 * and the excluded release-list check. Neither changes a finding, and a test must not
 * depend on the network; on Node 24 an offline fetch even crashes the scan (got's retry
 * attaches a cancel handler to a settled promise, an uncaught error). So `got` answers
 * every request with a refusal, which Electronegativity already handles ("Could not
 * retrieve updated translations").
 */
function withoutNetwork(require) {
  const gotPath = createRequire(require.resolve('@doyensec/electronegativity')).resolve('got');
  const refuse = () => Promise.reject(new Error('CV Steward runs Electronegativity without network access'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: refuse };
}

/** Child mode: one Electronegativity run; writes the SARIF report and a JSON summary. */
async function scan({ input, sarif, summary, electronVersion }) {
  const require = createRequire(import.meta.url);
  withoutNetwork(require);
  const run = require('@doyensec/electronegativity');
  const result = await run({
    input,
    output: sarif,
    isSarif: true,
    isRelative: true,
    // The CLI's -e; its README calls it `electronVersion`, but the runner reads this name.
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED_CHECKS.map((name) => name.toLowerCase()),
  });
  const findings = result.issues.map((issue) => ({
    check: issue.id,
    // Forward slashes on every OS, as in the justification file.
    file: issue.file.split(sep).join('/'),
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    severity: issue.severity?.name,
    confidence: issue.confidence?.name,
    sample: issue.sample ?? '',
    description: issue.description,
  }));
  const errors = result.errors.map((error) => ({ file: relative(input, error.file).split(sep).join('/'), message: error.message, tolerable: error.tolerable }));
  writeFileSync(summary, JSON.stringify({ electronVersion, checks: result.globalChecks + result.atomicChecks, findings, errors }, null, 2));
}

function main() {
  const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const justifications = loadJustifications();

  rmSync(OUT_DIR, { recursive: true, force: true });
  const input = join(OUT_DIR, 'input');
  for (const folder of SCANNED) cpSync(join(ROOT, folder), join(input, folder), { recursive: true });
  const inlineDisables = filesIn(input)
    .filter((file) => /eng-disable/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(input, file).split(sep).join('/'));

  const sarif = join(OUT_DIR, 'electronegativity.sarif');
  const summaryFile = join(OUT_DIR, 'summary.json');
  const tmp = join(OUT_DIR, 'tmp');
  mkdirSync(tmp, { recursive: true });
  console.log(`Electronegativity over ${SCANNED.join(', ')} (Electron ${electronVersion}).`);
  console.log('Offline it cannot fetch its translations; that warning is expected and changes no check.');
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--scan', JSON.stringify({ input, sarif, summary: summaryFile, electronVersion })], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
    // A private temp folder: Electronegativity caches downloads in the OS temp folder.
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, LANG: 'en-US', FORCE_COLOR: '0' },
  });
  // The SARIF's paths are repo-relative; the staged copy of the sources is not needed any more.
  rmSync(input, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
  if (child.error?.code === 'ETIMEDOUT' || child.signal) {
    return fail([`Electronegativity did not finish within ${TIMEOUT_MS / 1000} s and was stopped.`]);
  }
  if (child.status !== 0 || !existsSync(summaryFile)) return fail([`Electronegativity failed (exit ${child.status}); see its output above.`]);

  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  const problems = [];
  for (const file of inlineDisables) {
    problems.push(`${file} has an inline "eng-disable" comment; justify the finding in ${relative(ROOT, JUSTIFICATIONS)} instead.`);
  }
  for (const error of summary.errors) {
    if (!error.tolerable) problems.push(`${error.file} could not be parsed, so it was not checked: ${error.message}`);
  }
  const { unjustified, stale } = match(summary.findings, justifications);
  for (const finding of unjustified) {
    problems.push(
      `${finding.check} at ${finding.file}:${finding.line}:${finding.column} (${finding.severity}, ${finding.confidence}): ${finding.description}` +
        (finding.sample ? `\n      ${finding.sample.trim()}` : '') +
        `\n      https://github.com/doyensec/electronegativity/wiki/${finding.check}`,
    );
  }
  for (const entry of stale) {
    problems.push(`stale justification: ${entry.check} in ${entry.file} expects ${entry.count} finding(s), found ${entry.found}. Update or remove it.`);
  }

  const justified = summary.findings.length - unjustified.length;
  console.log(`${summary.checks} checks; ${summary.findings.length} finding(s), ${justified} justified. Reports: ${relative(ROOT, OUT_DIR)}/ (SARIF and summary.json).`);
  if (problems.length > 0) return fail(problems);
  console.log('Electronegativity: no unjustified findings.');
  return 0;
}

/** Each justification covers exactly `count` findings of one check in one file; more or fewer is a failure. */
function match(findings, justifications) {
  const unjustified = [];
  const found = new Map(justifications.map((entry) => [entry, 0]));
  for (const finding of findings) {
    const entry = justifications.find((candidate) => candidate.check === finding.check && candidate.file === finding.file);
    if (entry && (found.get(entry) ?? 0) < entry.count) found.set(entry, (found.get(entry) ?? 0) + 1);
    else unjustified.push(finding);
  }
  // Extra findings are already unjustified above; fewer than promised means the entry is out of date.
  const stale = justifications.filter((entry) => found.get(entry) !== entry.count).map((entry) => ({ ...entry, found: found.get(entry) }));
  return { unjustified, stale };
}

function loadJustifications() {
  const data = JSON.parse(readFileSync(JUSTIFICATIONS, 'utf8'));
  if (!Array.isArray(data.justifications)) throw new Error(`${JUSTIFICATIONS}: expected a "justifications" array`);
  return data.justifications.map((entry, index) => {
    const where = `${relative(ROOT, JUSTIFICATIONS)} entry ${index + 1}`;
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') throw new Error(`${where}: "${key}" must be a non-empty string`);
    }
    // A justification is a sentence a reviewer can check, not "false positive".
    if (entry.reason.trim().length < 40) throw new Error(`${where}: "reason" must say why the finding is acceptable or how it is mitigated`);
    const count = entry.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error(`${where}: "count" must be a positive integer`);
    return { check: entry.check, file: entry.file, count, reason: entry.reason };
  });
}

function filesIn(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path) : [path];
  });
}

function fail(problems) {
  console.error(`\nElectronegativity: ${problems.length} problem(s). Fix the code, or justify the finding in ${relative(ROOT, JUSTIFICATIONS)}`);
  console.error('(check id, file, count, and a sentence on why it is acceptable or how it is mitigated; see README, "Security model"):');
  for (const problem of problems) console.error(`  - ${problem}`);
  return 1;
}
