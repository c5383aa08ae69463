/**
 * The snapshot being built by a scan. Per-project facts are the source of truth; the
 * category rows are aggregated from them on every snapshot, so a retry that re-scans one
 * project and one category merges into the previous snapshot by simply replacing that
 * project's facts (the categories of shared/model/inventory.ts).
 *
 * Project rows are replaced, never edited, so every snapshot handed out stays as it was
 * (the caller keeps them and sends them over IPC while the scan goes on), and building a
 * snapshot is a shallow copy of the project list, not a deep clone.
 */
import {
  INVENTORY_CATEGORIES,
  type CategoryRow,
  type InventoryCategory,
  type InventorySnapshot,
  type ProjectCounts,
  type ProjectRow,
  type ScanProblem,
} from '../../shared/model/inventory';
import { PUBLISHED_LIMITS } from './published-limits';
import { estimateCategoryBytes, type CategoryTotals } from './size-estimates';
import type { MainText } from '../../shared/model/main-text';

export interface ScanAccount {
  accountId: string;
  displayName: string;
  endpointHost: string;
  resourceName?: string | null;
  region?: string | null;
  keyFingerprint: string;
}

export interface ProjectMeta {
  id: string;
  name: string;
  kind: string | null;
  kindText?: MainText;
}

type RowState = CategoryRow['state'];

interface RowProgress {
  done: number;
  total: number | null;
  state: RowState;
}

export const EMPTY_COUNTS: Readonly<ProjectCounts> = Object.freeze({
  iterations: null,
  trainedIterations: null,
  publishedIterations: null,
  performance: null,
  imagePerformances: null,
  tags: null,
  taggedImages: null,
  untaggedImages: null,
  imagesOnlyInIterations: null,
  models: null,
  predictions: null,
});

export function emptyProjectRow(meta: ProjectMeta): ProjectRow {
  return { ...meta, counts: { ...EMPTY_COUNTS }, iterations: [], tags: [], tagsTruncated: false, models: [], problems: [] };
}

export class InventoryBuilder {
  private readonly accountId: string;
  private readonly startedAt: string;
  private readonly account: InventorySnapshot['account'];
  private state: InventorySnapshot['state'] = 'scanning';
  private finishedAt: string | undefined;
  private projects: ProjectRow[] = [];
  /** False until a project list was obtained (the Projects count is then unknown, not 0). */
  private projectsKnown = false;
  /** Problems not tied to one project (GetProjects failed). */
  private accountProblems: ScanProblem[] = [];
  private readonly rows = new Map<InventoryCategory, RowProgress>();

  constructor(init: { account: ScanAccount; startedAt: string; previous?: InventorySnapshot | null }) {
    const { account, previous } = init;
    this.accountId = account.accountId;
    this.startedAt = init.startedAt;
    this.account = {
      displayName: account.displayName,
      endpointHost: account.endpointHost,
      resourceName: account.resourceName ?? null,
      region: account.region ?? null,
      keyFingerprint: account.keyFingerprint,
      quotas: PUBLISHED_LIMITS.map((limit) => ({ ...limit })),
    };
    for (const category of INVENTORY_CATEGORIES) this.rows.set(category, { done: 0, total: null, state: 'waiting' });
    if (previous && previous.accountId === account.accountId) this.adopt(previous);
    // The account row is what the app knows locally: it is complete from the start.
    this.rows.set('account', { done: 1, total: 1, state: 'done' });
  }

  /** Starts from an earlier snapshot of the same account (a retry merges into it). */
  private adopt(previous: InventorySnapshot): void {
    this.projects = previous.projects;
    for (const row of previous.categories) {
      this.rows.set(row.category, { done: row.done, total: row.total, state: row.state === 'scanning' ? 'waiting' : row.state });
      for (const problem of row.problems) if (problem.projectId === undefined) this.accountProblems.push(problem);
      if (row.category === 'projects') this.projectsKnown = row.count !== null;
    }
  }

  projectIds(): string[] {
    return this.projects.map((project) => project.id);
  }

  project(projectId: string): ProjectRow | undefined {
    return this.projects.find((project) => project.id === projectId);
  }

  /**
   * Applies GetProjects' answer. With `only`, just those projects are touched (a retry):
   * refreshed if listed, dropped if the service no longer has them. Otherwise the list
   * replaces the projects (new ones empty, vanished ones gone, known ones keep their facts).
   */
  setProjectList(listed: readonly ProjectMeta[], only?: ReadonlySet<string>): void {
    const byId = new Map(listed.map((meta) => [meta.id, meta]));
    if (only) {
      const kept = this.projects
        .filter((row) => !only.has(row.id) || byId.has(row.id))
        .map((row) => (only.has(row.id) ? withMeta(row, byId.get(row.id)) : row));
      const known = new Set(kept.map((row) => row.id));
      const added = listed.filter((meta) => only.has(meta.id) && !known.has(meta.id)).map(emptyProjectRow);
      this.projects = [...kept, ...added];
    } else {
      const previous = new Map(this.projects.map((row) => [row.id, row]));
      this.projects = listed.map((meta) => {
        const row = previous.get(meta.id);
        return row ? withMeta(row, meta) : emptyProjectRow(meta);
      });
    }
    this.projectsKnown = true;
  }

  updateProject(projectId: string, change: (row: ProjectRow) => ProjectRow): void {
    this.projects = this.projects.map((row) => (row.id === projectId ? change(row) : row));
  }

  setCounts(projectId: string, counts: Partial<ProjectCounts>): void {
    this.updateProject(projectId, (row) => ({ ...row, counts: { ...row.counts, ...counts } }));
  }

  /** Forgets a category's problems before it is scanned again (for one project, or account-wide). */
  clearProblems(category: InventoryCategory, projectId?: string): void {
    if (projectId === undefined) {
      this.accountProblems = this.accountProblems.filter((problem) => problem.category !== category);
      return;
    }
    this.updateProject(projectId, (row) =>
      row.problems.some((problem) => problem.category === category)
        ? { ...row, problems: row.problems.filter((problem) => problem.category !== category) }
        : row,
    );
  }

  /** One problem per project and category is enough to explain it and offer a retry. */
  addProblem(problem: ScanProblem): void {
    const { projectId } = problem;
    if (projectId === undefined) {
      if (!this.accountProblems.some((p) => p.category === problem.category)) this.accountProblems = [...this.accountProblems, problem];
      return;
    }
    this.updateProject(projectId, (row) =>
      row.problems.some((p) => p.category === problem.category) ? row : { ...row, problems: [...row.problems, problem] },
    );
  }

  hasProblems(): boolean {
    return this.accountProblems.length > 0 || this.projects.some((row) => row.problems.length > 0);
  }

  startRow(category: InventoryCategory, total: number | null): void {
    this.rows.set(category, { done: 0, total, state: 'scanning' });
  }

  advanceRow(category: InventoryCategory): void {
    const row = this.rows.get(category);
    if (row) this.rows.set(category, { ...row, done: row.done + 1 });
  }

  /**
   * Rows still scanning become done (failed, with problems). On cancel, only rows that had
   * visited every project are done; the rest go back to "not scanned".
   */
  finish(outcome: 'completed' | 'cancelled', finishedAt: string): void {
    for (const [category, row] of this.rows) {
      if (row.state !== 'scanning') continue;
      const complete = outcome === 'completed' || (row.total !== null && row.done >= row.total);
      this.rows.set(category, { ...row, state: complete ? 'done' : 'waiting' });
    }
    this.finishedAt = finishedAt;
    this.state = outcome === 'cancelled' ? 'cancelled' : this.hasProblems() ? 'partial' : 'done';
  }

  toSnapshot(): InventorySnapshot {
    const totals = this.totals();
    return {
      accountId: this.accountId,
      state: this.state,
      startedAt: this.startedAt,
      ...(this.finishedAt === undefined ? {} : { finishedAt: this.finishedAt }),
      account: { ...this.account, quotas: this.account.quotas.map((quota) => ({ ...quota })) },
      categories: INVENTORY_CATEGORIES.map((category) => this.row(category, totals)),
      projects: [...this.projects],
    };
  }

  private row(category: InventoryCategory, totals: CategoryTotals): CategoryRow {
    const progress = this.rows.get(category) ?? { done: 0, total: null, state: 'waiting' as const };
    const problems = [
      ...this.accountProblems.filter((problem) => problem.category === category),
      ...this.projects.flatMap((row) => row.problems.filter((problem) => problem.category === category)),
    ];
    // A row not being scanned is failed exactly while it has problems (a merged retry can
    // clear them; a failed GetProjects leaves the Projects row failed before it started).
    const settled = progress.state === 'done' || progress.state === 'failed';
    let state: RowState = progress.state;
    if (progress.state !== 'scanning' && problems.length > 0) state = 'failed';
    else if (settled) state = 'done';
    const estimate = estimateCategoryBytes(category, totals);
    return {
      category,
      count: category === 'account' ? 1 : countOf(category, totals),
      bytesEstimate: estimate.bytes,
      ...(estimate.basis === undefined ? {} : { bytesBasis: estimate.basis }),
      ...(estimate.basisText === undefined ? {} : { bytesBasisText: estimate.basisText }),
      done: progress.done,
      total: progress.total,
      state,
      problems,
    };
  }

  private totals(): CategoryTotals {
    const sum = (pick: (counts: ProjectCounts) => number | null | undefined): number | null => {
      if (!this.projectsKnown) return null;
      if (this.projects.length === 0) return 0;
      let total: number | null = null;
      for (const row of this.projects) {
        const value = pick(row.counts);
        if (typeof value === 'number') total = (total ?? 0) + value;
      }
      return total;
    };
    const images = sum((c) => {
      const parts = [c.taggedImages, c.untaggedImages, c.imagesOnlyInIterations].filter((v): v is number => typeof v === 'number');
      return parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0);
    });
    return {
      projects: this.projectsKnown ? this.projects.length : null,
      iterations: sum((c) => c.iterations),
      performance: sum((c) => c.performance),
      imagePerformances: sum((c) => c.imagePerformances),
      tags: sum((c) => c.tags),
      images,
      models: sum((c) => c.models),
      predictions: sum((c) => c.predictions),
    };
  }
}

function countOf(category: Exclude<InventoryCategory, 'account'>, totals: CategoryTotals): number | null {
  return totals[category];
}

function withMeta(row: ProjectRow, meta: ProjectMeta | undefined): ProjectRow {
  if (!meta || (row.name === meta.name && row.kind === meta.kind)) return row;
  return { ...row, name: meta.name, kind: meta.kind, ...(meta.kindText ? { kindText: meta.kindText } : {}) };
}
