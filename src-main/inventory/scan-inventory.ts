/**
 * The inventory scan (docs/architecture.md, "Inventory"): GetProjects, then each project
 * category by category, streaming a growing InventorySnapshot to `onSnapshot` after every
 * step. A failing project or category becomes a ScanProblem on its row and the scan goes
 * on (the snapshot then ends "partial"); with `projectIds`/`categories` only those are
 * scanned again and merged into `previous` — that is a row's "Retry".
 *
 * Nothing here downloads image or model bytes: images are counted with the count
 * endpoints, and sizes are estimates (size-estimates.ts).
 */
import {
  INVENTORY_CATEGORIES,
  type InventoryCategory,
  type InventorySnapshot,
} from '../../shared/model/inventory';
import type { Domain, Project, TrainingClient } from '../customvision';
import type { JobContext } from '../jobs';
import { InventoryBuilder, type ProjectMeta, type ScanAccount } from './inventory-builder';
import { errorInfo, isCancellation, ProjectScanner, type ScanRun } from './scan-project';
import { mainText } from '../../shared/model/main-text';

export interface ScanRequest {
  /** Only these projects (others keep what `previous` says). */
  projectIds?: readonly string[];
  /** Only these categories (others keep what `previous` says). */
  categories?: readonly InventoryCategory[];
}

export interface ScanInventoryOptions extends ScanRequest {
  client: TrainingClient;
  account: ScanAccount;
  /** The last snapshot of this account; merged into only when projectIds or categories are set. */
  previous?: InventorySnapshot | null;
  /** Called after every step with a new snapshot object; the caller throttles what it forwards. */
  onSnapshot: (snapshot: InventorySnapshot) => void;
  now?: () => Date;
}

interface ScanScope {
  /** Categories scanned per project (never 'account'). */
  categories: Set<InventoryCategory>;
  projectIds: ReadonlySet<string> | undefined;
  merge: boolean;
}

/** What a request re-scans. Retrying "projects" means the list itself: everything under it. */
export function resolveScanScope(request: ScanRequest): ScanScope {
  const asked = request.categories && request.categories.length > 0 ? new Set(request.categories) : null;
  const everything = !asked || asked.has('projects');
  const categories = new Set<InventoryCategory>(INVENTORY_CATEGORIES.filter((c) => c !== 'account' && (everything || asked.has(c))));
  const projectIds = request.projectIds && request.projectIds.length > 0 ? new Set(request.projectIds) : undefined;
  return { categories, projectIds, merge: asked !== null || projectIds !== undefined };
}

/** The job's progress categories, in display order, for JobRunner.start. */
export function scanJobCategories(request: ScanRequest = {}): InventoryCategory[] {
  const { categories } = resolveScanScope(request);
  return INVENTORY_CATEGORIES.filter((category) => category === 'account' || categories.has(category));
}

export async function scanInventory(ctx: JobContext, options: ScanInventoryOptions): Promise<string> {
  const now = options.now ?? (() => new Date());
  const { client } = options;
  const scope = resolveScanScope(options);
  const builder = new InventoryBuilder({
    account: {
      ...options.account,
      resourceName: options.account.resourceName ?? client.endpoint.resourceName ?? null,
      region: options.account.region ?? client.endpoint.region ?? null,
    },
    startedAt: now().toISOString(),
    previous: scope.merge ? options.previous : null,
  });
  const emit = () => options.onSnapshot(builder.toSnapshot());
  const run: ScanRun = { client, signal: ctx.signal, checkpoint: () => ctx.checkpoint(), progress: ctx.progress, builder, emit };

  ctx.progress.setTotal('account', 1);
  ctx.progress.advance('account');
  emit();

  try {
    await ctx.checkpoint();
    builder.clearProblems('projects');
    let projects: Project[];
    try {
      projects = await client.getProjects({ signal: ctx.signal });
    } catch (error) {
      if (isCancellation(error, ctx.signal)) throw error;
      const { code, message } = errorInfo(error);
      builder.addProblem({ category: 'projects', code, message });
      ctx.progress.fail('projects', message, mainText('appError', { code }));
      // Nothing below the project list can be reached: the job fails with the reason, and
      // the snapshot (partial) offers Retry on the Projects row.
      throw error;
    }
    const kinds = await projectKinds(client, ctx.signal);
    builder.setProjectList(
      projects.filter((p): p is Project & { id: string } => typeof p.id === 'string' && p.id !== '').map((p) => projectMeta(p, kinds)),
      scope.projectIds,
    );
    const targets = builder.projectIds().filter((id) => !scope.projectIds || scope.projectIds.has(id));
    for (const category of scope.categories) {
      builder.startRow(category, targets.length);
      ctx.progress.setTotal(category, targets.length);
    }
    emit();

    const perProject = new Set([...scope.categories].filter((category) => category !== 'projects'));
    for (const projectId of targets) {
      await ctx.checkpoint();
      await new ProjectScanner(run, projectId, perProject).scan();
      if (scope.categories.has('projects')) {
        builder.advanceRow('projects');
        ctx.progress.advance('projects');
        emit();
      }
    }
    builder.finish('completed', now().toISOString());
    const snapshot = builder.toSnapshot();
    options.onSnapshot(snapshot);
    return summarize(snapshot, targets.length, scope.merge);
  } catch (error) {
    if (isCancellation(error, ctx.signal)) {
      builder.finish('cancelled', now().toISOString());
    } else {
      // GetProjects failing (already recorded), or a bug: either way the snapshot must not
      // stay "scanning" forever; the Projects row carries the reason and the Retry.
      builder.addProblem({ category: 'projects', ...errorInfo(error) });
      builder.finish('completed', now().toISOString());
    }
    emit();
    throw error;
  }
}

/** "Object detection · General (compact)": from GetDomains, one call; without it, less precise. */
async function projectKinds(client: TrainingClient, signal: AbortSignal): Promise<Map<string, Domain>> {
  try {
    const domains = await client.getDomains({ signal });
    return new Map(domains.filter((d): d is Domain & { id: string } => typeof d.id === 'string').map((d) => [d.id.toLowerCase(), d]));
  } catch (error) {
    if (isCancellation(error, signal)) throw error;
    // Only the project's kind label depends on it; not worth a problem row.
    return new Map();
  }
}

/** The API's classification types (lower-cased) that have catalogue labels. */
const CLASSIFICATION_CODES: Readonly<Record<string, string>> = { multiclass: 'projectKindMulticlass', multilabel: 'projectKindMultilabel' };

function projectMeta(project: Project & { id: string }, domains: ReadonlyMap<string, Domain>): ProjectMeta {
  const settings = project.settings;
  const domain = typeof settings?.domainId === 'string' ? domains.get(settings.domainId.toLowerCase()) : undefined;
  const classification = typeof settings?.classificationType === 'string' ? settings.classificationType.toLowerCase() : null;
  let kind: string | null = null;
  let code: string | null = null;
  if (domain?.type === 'ObjectDetection') [kind, code] = ['Object detection', 'projectKindObjectDetection'];
  else if (domain?.type === 'Classification' || classification) {
    kind = `Classification${classification ? ` (${classification})` : ''}`;
    code = classification === null ? 'projectKindClassification' : (CLASSIFICATION_CODES[classification] ?? null);
  }
  const domainName = typeof domain?.name === 'string' && domain.name !== '' ? domain.name : null;
  if (kind && domainName) kind = `${kind} · ${domainName}`;
  // An unknown classification type has no catalogue label: the English (with the API's word) is shown.
  const kindText = code === null ? undefined : domainName ? mainText(`${code}Domain`, { domain: domainName }) : mainText(code);
  return { id: project.id, name: project.name ?? '', kind, ...(kindText ? { kindText } : {}) };
}

function plural(count: number | null, one: string, many: string): string {
  const value = count ?? 0;
  return `${value.toLocaleString('en')} ${value === 1 ? one : many}`;
}

function summarize(snapshot: InventorySnapshot, scanned: number, merged: boolean): string {
  const count = (category: InventoryCategory) => snapshot.categories.find((row) => row.category === category)?.count ?? null;
  const found = [
    plural(count('images'), 'image', 'images'),
    plural(count('iterations'), 'iteration', 'iterations'),
    plural(count('tags'), 'tag', 'tags'),
    plural(count('models'), 'exported model', 'exported models'),
    plural(count('predictions'), 'stored prediction', 'stored predictions'),
  ].join(', ');
  const head = merged
    ? `Scanned ${plural(scanned, 'project', 'projects')} again. The account now holds ${found}.`
    : `Scanned ${plural(scanned, 'project', 'projects')}: ${found}.`;
  if (snapshot.state !== 'partial') return head;
  const problems = snapshot.categories.reduce((sum, row) => sum + row.problems.length, 0);
  return `${head} Incomplete: ${plural(problems, 'problem', 'problems')}; use Retry on the Inventory page.`;
}
