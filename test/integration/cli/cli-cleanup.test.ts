/**
 * `cv-steward cleanup plan|run`, built, against the emulator's demo account, as a user
 * runs it: export first, plan, a refused run (wrong confirmation; the account untouched),
 * one category of one project, then the whole account, proven empty, with a receipt next
 * to the plan; a re-run of a finished plan changes nothing and still exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../src-main/emulator';
import { builtCli, cliEnv, jsonLine, runCliProcess, type BuiltCli, type CliRun } from '../../support/cli/cli-support';
import { apiJson, startTestEmulator, V33, type WireProject } from '../../support/emulator/emulator-support';

let cli: BuiltCli;
let emu: RunningEmulator;
let root: string;
const outputs: string[] = [];
const FAST = ['--rate', '500'];

async function cv(args: string[]): Promise<CliRun> {
  const result = await runCliProcess(cli, args, cliEnv(join(root, 'no-app-data'), { CV_STEWARD_TRAINING_KEY: emu.key }));
  outputs.push(result.stdout, result.stderr);
  return result;
}

const projects = () => apiJson<WireProject[]>(emu, `${V33}/projects`);
/** What a deletion would change (records carry signed thumbnail links that change every second). */
const projectIds = async () => (await projects()).map((project) => `${String(project.id)} ${String(project.name)}`).sort();
const count = (projectId: string, kind: 'tagged' | 'untagged') => apiJson<number>(emu, `${V33}/projects/${projectId}/images/${kind}/count`);

interface PlanLine {
  ok: boolean;
  plan: string;
  confirmText: string;
  counts: { projects: number; images: number; predictions: number; iterations: number; tags: number };
  steps: number;
}
interface RunLine {
  ok: boolean;
  status: string;
  calls: number;
  proven: Array<{ category: string; items: number; gone: number; stillThere: number; couldNotVerify: number }>;
  unverified: number;
  receipt: { json: string; html: string };
}

beforeAll(async () => {
  cli = await builtCli();
  emu = await startTestEmulator({ seed: 'demo' });
  root = await mkdtemp(join(tmpdir(), 'cv-cli-cleanup-'));
}, 180_000);

afterAll(async () => {
  await emu.close();
  await rm(root, { recursive: true, force: true });
  cli.remove();
});

describe('cv-steward cleanup', () => {
  const bundle = () => join(root, 'bundle');

  it('exports, then refuses a run whose confirmation does not match, deleting nothing', async () => {
    const exported = await cv(['export', '--endpoint', emu.endpoint, '--out', bundle(), '--json', '--quiet', ...FAST]);
    expect(exported.code, exported.stderr).toBe(0);

    const planned = await cv(['cleanup', 'plan', '--endpoint', emu.endpoint, '--scope', 'all', '--out', join(root, 'all.json'), '--json', ...FAST]);
    expect(planned.code, planned.stderr).toBe(0);
    const plan = jsonLine<PlanLine>(planned);
    expect(plan.counts.projects).toBe(3);
    expect(plan.steps).toBeGreaterThan(3);
    const file = JSON.parse(await readFile(join(root, 'all.json'), 'utf8')) as { confirmText: string };
    expect(file.confirmText).toBe(plan.confirmText);

    const before = await projectIds();
    const counts = await Promise.all((await projects()).map((p) => count(String(p.id), 'tagged')));
    const refused = await cv(['cleanup', 'run', '--endpoint', emu.endpoint, '--plan', join(root, 'all.json'), '--bundle', bundle(), '--confirm', 'not the name', ...FAST]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('this run deleted nothing');
    expect(await projectIds()).toEqual(before);
    expect(await Promise.all((await projects()).map((p) => count(String(p.id), 'tagged')))).toEqual(counts);

    const again = await cv(['cleanup', 'plan', '--endpoint', emu.endpoint, '--scope', 'all', '--out', join(root, 'all.json'), ...FAST]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  }, 180_000);

  it('deletes one category of one project and leaves the rest', async () => {
    const [project] = (await projects()).filter((p) => p.id !== undefined);
    const id = String(project?.id);
    const tagged = await count(id, 'tagged');
    expect(await count(id, 'untagged')).toBeGreaterThan(0);
    const planFile = join(root, 'untagged.json');
    const planned = await cv(['cleanup', 'plan', '--endpoint', emu.endpoint, '--scope', `project:${id}:untagged`, '--out', planFile, '--json', '--quiet', ...FAST]);
    expect(planned.code, planned.stderr).toBe(0);
    const plan = jsonLine<PlanLine>(planned);
    expect(plan.counts.projects).toBe(0);
    const run = await cv(['cleanup', 'run', '--endpoint', emu.endpoint, '--plan', planFile, '--bundle', bundle(), '--confirm', plan.confirmText, '--json', '--quiet', ...FAST]);
    expect(run.code, run.stderr).toBe(0);
    const line = jsonLine<RunLine>(run);
    expect(line).toMatchObject({ ok: true, status: 'verified', unverified: 0 });
    // The proof in items: every untagged image the plan held, proven gone (one check covers them all).
    expect(line.proven).toEqual([{ category: 'images', items: plan.counts.images, gone: plan.counts.images, stillThere: 0, couldNotVerify: 0 }]);
    expect(plan.counts.images).toBeGreaterThan(1);
    expect(await count(id, 'untagged')).toBe(0);
    expect(await count(id, 'tagged')).toBe(tagged);
  }, 180_000);

  it('empties the whole account, proves it, writes the receipt next to the plan, and a re-run changes nothing', async () => {
    const planFile = join(root, 'all.json');
    const plan = JSON.parse(await readFile(planFile, 'utf8')) as { confirmText: string };
    // Planned before the untagged images went: those steps now find them gone (404 → already gone).
    const run = await cv(['cleanup', 'run', '--endpoint', emu.endpoint, '--plan', planFile, '--bundle', bundle(), '--confirm', plan.confirmText, '--json', ...FAST]);
    expect(run.code, run.stderr).toBe(0);
    const line = jsonLine<RunLine>(run);
    expect(line).toMatchObject({ ok: true, status: 'verified', unverified: 0 });
    // Said in items per kind, with the number of checks behind them.
    expect(run.stderr).toContain('Proven gone, by reading the account again:');
    expect(run.stderr).toMatch(/^ {2}3 of 3 projects proven gone$/m);
    const images = /^ {2}([\d,]+) of ([\d,]+) images proven gone$/m.exec(run.stderr);
    expect(images?.[1]).toBe(images?.[2]);
    expect(run.stderr).toMatch(/^Checks: [\d,]+ \(each listed in the receipt\)\.$/m);
    expect(line.receipt.json).toContain('receipt');
    expect(line.receipt.html).toContain('receipt');
    expect(existsSync(line.receipt.json) && existsSync(line.receipt.html)).toBe(true);
    expect(join(line.receipt.json, '..')).toBe(root);
    expect(await projects()).toEqual([]);
    const receipt = JSON.parse(await readFile(line.receipt.json, 'utf8')) as { calls: unknown[]; complete: boolean; backup: { kind: string } };
    expect(receipt.complete).toBe(true);
    expect(receipt.backup.kind).toBe('bundle');
    expect(receipt.calls.length).toBe(line.calls);

    const rerun = await cv(['cleanup', 'run', '--endpoint', emu.endpoint, '--plan', planFile, '--bundle', bundle(), '--confirm', plan.confirmText, '--json', '--quiet', ...FAST]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(jsonLine<RunLine>(rerun).ok).toBe(true);
  }, 180_000);

  it('names a missing plan file before contacting the service (a usage error)', async () => {
    // An endpoint nothing listens on: had the command connected first, it would report that instead.
    const run = await cv(['cleanup', 'run', '--endpoint', 'http://127.0.0.1:1/', '--plan', join(root, 'no-such-plan.json'), '--no-backup', '--confirm', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`There is no plan file at ${join(root, 'no-such-plan.json')}`);
  });

  it('never prints the key', () => {
    for (const text of outputs) expect(text).not.toContain(emu.key);
  });
});
