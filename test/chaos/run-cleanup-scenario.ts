/**
 * One cleanup chaos scenario: the built `cv-steward cleanup plan` makes and seals a plan of
 * an emulated account; then something happens between plan and run (images deleted
 * elsewhere, the plan file edited) and `cv-steward cleanup run` is SIGKILLed at seeded
 * moments and run again until it ends, with faults on. Afterwards the emulator's own record
 * of what it deleted is held against the sealed plan: nothing outside it was deleted, and
 * nothing the receipt calls verified is still there.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CleanupPlan, Receipt } from '../../shared/model/cleanup';
import { startEmulator, type PartialRuntimeConfig, type RunningEmulator } from '../../src-main/emulator';
import { chaosSeed } from './chaos-seed';

export interface CleanupScenario {
  fault: string;
  images: number;
  /** `all`, or a part of the first project: `untagged`, `images`, `iteration` (its first), `tagged` (its first tag). */
  scope: 'all' | 'untagged' | 'images' | 'iteration' | 'tagged';
  faults: PartialRuntimeConfig;
  kills: number;
  /** Between plan and run: this many planned images deleted by "another client". */
  deletedElsewhere?: number;
  /** Between plan and run: the plan file edited (an image id added, counts adjusted). */
  tamper?: boolean;
  /** The run cannot verify (gateway 404s): it must end incomplete, never verified. */
  expectUnverifiable?: boolean;
  seed: string;
}

export interface CleanupScenarioResult {
  fault: string;
  runs: number;
  kills: number;
  /** Ids the emulator deleted through the API during the runs. */
  deleted: number;
  /** Deleted ids the sealed plan does not name (must be 0). */
  outsidePlan: number;
  /** Steps the receipt calls verified whose targets are still there (must be 0). */
  verifiedButThere: number;
  /** Checks the receipt says could not be verified. */
  couldNotVerify: number;
  /** How the last run ended: complete, incomplete, refused. */
  ending: string;
  ok: boolean;
  notes: string[];
  seconds: number;
}

export interface CleanupScenarioEnv {
  cliPath: string;
  nodePath: string;
  maxRuns?: number;
}

const REQUIRED_KEYCHAIN_SERVICE = 'cv-steward-chaos';

export async function runCleanupScenario(scenario: CleanupScenario, env: CleanupScenarioEnv): Promise<CleanupScenarioResult> {
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'cv-chaos-cleanup-'));
  const emu = await startEmulator({ seed: chaosSeed({ images: scenario.images, batch: 1 }), tps: 0, trainingDelayMs: 10, exportDelayMs: 10, deleteDelayMs: 30, faultSeed: scenario.seed });
  const notes: string[] = [];
  try {
    const planPath = join(work, 'plan.json');
    const plan = await makePlan(emu, env, work, planPath, scopeArg(emu, scenario.scope));
    if (scenario.deletedElsewhere) {
      const images = plan.steps.filter((step) => step.kind === 'deleteImages');
      const chosen = images.flatMap((step) => step.targetIds).filter((_, index) => index % 7 === 3).slice(0, scenario.deletedElsewhere);
      const projectId = images[0]?.projectId;
      if (projectId && chosen.length > 0) emu.deleteElsewhere(projectId, chosen, { allIterations: true });
    }
    if (scenario.tamper) await tamper(emu, planPath);
    emu.clearDeletions();
    emu.resetStats();
    emu.configure(scenario.faults);

    const moment = killMoments(scenario.seed);
    let runs = 0;
    let kills = 0;
    let ending = 'not run';
    const maxRuns = env.maxRuns ?? 8 + 2 * scenario.kills;
    for (;;) {
      if (runs >= maxRuns) break;
      runs += 1;
      const run = await runCli(emu, env, work, ['cleanup', 'run', '--endpoint', emu.endpoint, '--plan', planPath, '--no-backup', '--confirm', plan.confirmText, '--rate', '1000', '--quiet'], kills < scenario.kills ? moment() : undefined);
      if (run.killed) {
        kills += 1;
        continue;
      }
      ending = run.code === 0 ? 'complete' : /Refused/.test(run.output) ? 'refused' : 'incomplete';
      if (kills >= scenario.kills && (run.code === 0 || ending === 'refused' || scenario.expectUnverifiable)) break;
      if (kills >= scenario.kills && run.code !== 0) notes.push(`run ${runs} exited ${run.code}: ${lastLine(run.output)}`);
    }
    emu.configure({ resetRate: 0, truncateRate: 0, failRate: 0, tps: 0, quirks: [], gateway404Operations: [] });

    const sealed = JSON.parse(await readFile(planPath, 'utf8')) as CleanupPlan;
    const allowed = allowedIds(scenario.tamper ? plan : sealed);
    const deleted = emu.deletions().filter((record) => record.operation !== 'elsewhere');
    const deletedIds = deleted.flatMap((record) => [...record.ids, ...(record.implicitImageIds ?? []), ...heldIds(record.held)]);
    const outside = deletedIds.filter((id) => !allowed.has(id));
    const receipt = await readReceipt(planPath);
    const verifiedButThere = (receipt?.verifications ?? []).filter((v) => v.verified && v.targetIds.some((id) => stillThere(emu, v.projectId, v.category, id))).length;
    const couldNotVerify = (receipt?.verifications ?? []).filter((v) => v.result === 'could-not-verify').length;

    if (outside.length > 0) notes.push(`deleted outside the plan: ${outside.slice(0, 3).join(', ')}`);
    if (verifiedButThere > 0) notes.push(`${verifiedButThere} step(s) verified while their targets are still there`);
    const expected = scenario.tamper ? 'refused' : scenario.expectUnverifiable ? 'incomplete' : 'complete';
    if (ending !== expected) notes.push(`ended ${ending}, expected ${expected}`);
    if (scenario.tamper && deleted.length > 0) notes.push(`a tampered plan deleted ${deleted.length} things`);
    if (scenario.expectUnverifiable && couldNotVerify === 0) notes.push('nothing was reported as could-not-verify');
    if (expected === 'complete' && !receipt?.complete) notes.push('the receipt is not complete');
    return {
      fault: scenario.fault,
      runs,
      kills,
      deleted: deletedIds.length,
      outsidePlan: outside.length,
      verifiedButThere,
      couldNotVerify,
      ending,
      ok: notes.length === 0,
      notes,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await emu.close();
    await rm(work, { recursive: true, force: true });
  }
}

function scopeArg(emu: RunningEmulator, scope: CleanupScenario['scope']): string {
  if (scope === 'all') return 'all';
  const project = [...emu.state.projects.values()].sort((a, b) => (a.name < b.name ? -1 : 1))[0];
  if (!project) throw new Error('the chaos account has no project');
  if (scope === 'untagged') return `project:${project.id}:untagged`;
  if (scope === 'images') return `project:${project.id}:images`;
  if (scope === 'tagged') return `project:${project.id}:tagged=${[...project.tags.keys()][0] ?? ''}`;
  const iteration = [...project.iterations.values()].find((candidate) => candidate.status === 'Completed');
  return `project:${project.id}:iteration=${iteration?.id ?? ''}`;
}

async function makePlan(emu: RunningEmulator, env: CleanupScenarioEnv, work: string, planPath: string, scope: string): Promise<CleanupPlan> {
  const run = await runCli(emu, env, work, ['cleanup', 'plan', '--endpoint', emu.endpoint, '--scope', scope, '--out', planPath, '--rate', '1000', '--quiet'], undefined);
  if (run.code !== 0) throw new Error(`cleanup plan failed (${run.code}): ${run.output}`);
  return JSON.parse(await readFile(planPath, 'utf8')) as CleanupPlan;
}

/**
 * The edit a script could make, consistent enough for every check but the seal: one more
 * image id (one the plan does not name, from the other project) and the counts adjusted.
 */
async function tamper(emu: RunningEmulator, planPath: string): Promise<void> {
  const plan = JSON.parse(await readFile(planPath, 'utf8')) as CleanupPlan;
  const step = plan.steps.find((candidate) => candidate.kind === 'deleteImages');
  const named = new Set(plan.steps.flatMap((candidate) => candidate.targetIds));
  const extra = [...emu.state.projects.values()].flatMap((project) => project.images.all()).find((image) => !named.has(image.id));
  const project = plan.projects.find((candidate) => candidate.id === step?.projectId);
  if (!step || !extra || !project) throw new Error('nothing to tamper with');
  step.targetIds = [...step.targetIds, extra.id].sort();
  plan.counts.images += 1;
  project.counts.images += 1;
  await writeFile(planPath, JSON.stringify(plan, null, 2));
}

/** Every id the plan may delete: its targets, what its deleted iterations take along, and whole projects' contents. */
function allowedIds(plan: CleanupPlan): Set<string> {
  const allowed = new Set<string>();
  for (const step of plan.steps) for (const id of step.targetIds) allowed.add(id);
  for (const project of plan.projects) for (const id of project.implicit?.imageIds ?? []) allowed.add(id);
  return allowed;
}

function heldIds(held: { imageIds?: string[]; iterationIds?: string[]; tagIds?: string[]; predictionIds?: string[] } | undefined): string[] {
  if (!held) return [];
  return [...(held.imageIds ?? []), ...(held.iterationIds ?? []), ...(held.tagIds ?? []), ...(held.predictionIds ?? [])];
}

function stillThere(emu: RunningEmulator, projectId: string, category: string, id: string): boolean {
  const project = emu.state.projects.get(projectId);
  if (!project) return false;
  if (category === 'projects') return true;
  if (category === 'iterations') return project.iterations.has(id);
  if (category === 'tags') return project.tags.has(id);
  if (category === 'predictions') return project.predictions.has(id);
  return project.images.has(id) || [...project.iterations.values()].some((iteration) => iteration.snapshot?.images.has(id) === true);
}

async function readReceipt(planPath: string): Promise<Receipt | undefined> {
  try {
    return JSON.parse(await readFile(planPath.replace(/\.json$/, '.receipt.json'), 'utf8')) as Receipt;
  } catch {
    return undefined;
  }
}

type KillMoment = { afterMs: number };

/** Seeded moments between 60 ms and 1.2 s after a run starts: the gate, the first deletes, the waits, the proof. */
function killMoments(seed: string): () => KillMoment {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return { afterMs: 60 + Math.floor((state / 0x1_0000_0000) * 1140) };
  };
}

interface CliOutcome {
  killed: boolean;
  code: number | null;
  output: string;
}

function runCli(emu: RunningEmulator, env: CleanupScenarioEnv, work: string, args: string[], moment: KillMoment | undefined): Promise<CliOutcome> {
  const child = spawn(process.execPath, [env.cliPath, ...args], {
    env: {
      ...process.env,
      NODE_PATH: env.nodePath,
      CV_STEWARD_TRAINING_KEY: emu.key,
      CV_STEWARD_DATA_DIR: join(work, 'data'),
      // Plans are sealed with a secret in the OS keychain: this suite's own entry.
      CV_STEWARD_KEYCHAIN_SERVICE: REQUIRED_KEYCHAIN_SERVICE,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-6000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let killed = false;
  const timer = moment
    ? setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL');
      }, moment.afterMs)
    : undefined;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ killed, code, output });
    });
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}
