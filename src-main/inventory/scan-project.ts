/**
 * Scans one project, category by category, into the builder. Each API call that fails is
 * recorded as a ScanProblem on its project and category (with the client's code and
 * message) and the scan moves on; only cancellation stops it. Counts come from the count
 * endpoints and list calls that return records, never from image or model bytes.
 *
 * API calls per project (T = trained iterations, P = stored predictions):
 *   iterations   1 GetIterations (shared by performance, images and models)
 *   performance  T GetIterationPerformance + T GetImagePerformanceCount
 *   tags         1 GetTags
 *   images       2 counts + 2T counts per iteration, plus the id walk of
 *                images-only-in-iterations.ts (only when a trained iteration holds images)
 *   models       T GetExports
 *   predictions  ⌈P / 256⌉ QueryPredictions (at least 1)
 */
import type { InventoryCategory, ProjectRow } from '../../shared/model/inventory';
import { isCustomVisionError, type Iteration, type TrainingClient } from '../customvision';
import type { ProgressReporter } from '../jobs';
import type { InventoryBuilder } from './inventory-builder';
import { countImagesOnlyInIterations } from './images-only-in-iterations';
import { mainText } from '../../shared/model/main-text';

/** How many tags of one project the snapshot lists by name (the count is always exact). */
export const MAX_LISTED_TAGS = 1000;
/** Stored predictions per QueryPredictions page (the page-size limit the API uses elsewhere). */
export const PREDICTION_PAGE_SIZE = 256;

export interface ScanRun {
  client: TrainingClient;
  signal: AbortSignal;
  checkpoint(): Promise<void>;
  progress: ProgressReporter;
  builder: InventoryBuilder;
  /** Hands the current snapshot to the caller (after every step). */
  emit(): void;
}

const FAILED = Symbol('failed');
type Failed = typeof FAILED;

const ITERATION_DEPENDENT: readonly InventoryCategory[] = ['iterations', 'performance', 'images', 'models'];

export function isCancellation(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true;
  if (isCustomVisionError(error) && error.code === 'CANCELLED') return true;
  return error instanceof Error && error.name === 'AbortError';
}

export function errorInfo(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' && error.code !== '' ? error.code : 'INTERNAL';
    return { code, message: error.message || 'The call failed without saying why.' };
  }
  return { code: 'INTERNAL', message: 'The call failed without saying why.' };
}

export function isTrained(iteration: Iteration): boolean {
  return (typeof iteration.trainedAt === 'string' && iteration.trainedAt !== '') || iteration.status === 'Completed';
}

function isPublished(iteration: Iteration): boolean {
  return typeof iteration.publishName === 'string' && iteration.publishName !== '';
}

/** The documented 404 for an iteration that has no performance (yet): absent, not a problem. */
function isMissingPerformance(error: unknown): boolean {
  return isCustomVisionError(error) && error.code === 'NOT_FOUND' && error.serviceCode === 'NotFoundIterationPerformance';
}

type AddressableIteration = Iteration & { readonly id: string };

function addressable(iterations: readonly Iteration[]): AddressableIteration[] {
  return iterations.filter((iteration): iteration is AddressableIteration => typeof iteration.id === 'string' && iteration.id !== '');
}

export class ProjectScanner {
  private readonly run: ScanRun;
  private readonly projectId: string;
  private readonly scope: ReadonlySet<InventoryCategory>;

  constructor(run: ScanRun, projectId: string, scope: ReadonlySet<InventoryCategory>) {
    this.run = run;
    this.projectId = projectId;
    this.scope = scope;
  }

  async scan(): Promise<void> {
    for (const category of this.scope) this.run.builder.clearProblems(category, this.projectId);
    const dependents = ITERATION_DEPENDENT.filter((category) => this.scope.has(category));
    let iterations: AddressableIteration[] | null = null;
    if (dependents.length > 0) {
      await this.run.checkpoint();
      const listed = await this.attempt(dependents, () => this.run.client.getIterations(this.projectId, { signal: this.run.signal }));
      iterations = listed === FAILED ? null : addressable(listed);
    }
    if (dependents.length > 0 && iterations === null) this.forgetIterationFacts();
    if (this.scope.has('iterations')) {
      if (iterations) this.applyIterations(iterations);
      this.stepDone('iterations');
    }
    if (this.scope.has('performance')) await this.scanPerformance(iterations);
    if (this.scope.has('tags')) await this.scanTags();
    if (this.scope.has('images')) await this.scanImages(iterations);
    if (this.scope.has('models')) await this.scanModels(iterations);
    if (this.scope.has('predictions')) await this.scanPredictions();
  }

  /** Without the iteration list, what depends on it is unknown now (a retry must not show stale counts). */
  private forgetIterationFacts(): void {
    const { scope } = this;
    this.run.builder.updateProject(this.projectId, (row) => ({
      ...row,
      ...(scope.has('models') ? { models: [] } : {}),
      counts: {
        ...row.counts,
        ...(scope.has('iterations') ? { iterations: null, trainedIterations: null, publishedIterations: null } : {}),
        ...(scope.has('performance') ? { performance: null, imagePerformances: null } : {}),
        ...(scope.has('images') ? { imagesOnlyInIterations: null } : {}),
        ...(scope.has('models') ? { models: null } : {}),
      },
    }));
  }

  private applyIterations(iterations: readonly AddressableIteration[]): void {
    this.run.builder.updateProject(this.projectId, (row) => {
      const imageCounts = new Map(row.iterations.map((entry) => [entry.id, entry.imageCount]));
      const entries: ProjectRow['iterations'] = iterations.map((iteration) => {
        const imageCount = imageCounts.get(iteration.id);
        return {
          id: iteration.id,
          name: iteration.name ?? '',
          status: iteration.status ?? '',
          publishName: isPublished(iteration) ? (iteration.publishName ?? null) : null,
          trainedAt: typeof iteration.trainedAt === 'string' && iteration.trainedAt !== '' ? iteration.trainedAt : null,
          ...(imageCount === undefined ? {} : { imageCount }),
        };
      });
      return {
        ...row,
        iterations: entries,
        counts: {
          ...row.counts,
          iterations: iterations.length,
          trainedIterations: iterations.filter(isTrained).length,
          publishedIterations: iterations.filter(isPublished).length,
        },
      };
    });
  }

  private async scanPerformance(iterations: readonly AddressableIteration[] | null): Promise<void> {
    if (iterations) {
      let performance = 0;
      let imagePerformances = 0;
      for (const iteration of iterations.filter(isTrained)) {
        await this.run.checkpoint();
        const present = await this.attempt(['performance'], () =>
          this.run.client.getIterationPerformance(this.projectId, iteration.id, { signal: this.run.signal }).then(
            () => true,
            (error: unknown) => {
              if (isMissingPerformance(error)) return false;
              throw error;
            },
          ),
        );
        if (present !== true) continue;
        performance += 1;
        const images = await this.attempt(['performance'], () =>
          this.run.client.getImagePerformanceCount(this.projectId, iteration.id, { signal: this.run.signal }),
        );
        if (images !== FAILED) imagePerformances += images;
      }
      this.run.builder.setCounts(this.projectId, { performance, imagePerformances });
    }
    this.stepDone('performance');
  }

  private async scanTags(): Promise<void> {
    await this.run.checkpoint();
    const tags = await this.attempt(['tags'], () => this.run.client.getTags(this.projectId, { signal: this.run.signal }));
    if (tags !== FAILED) {
      const listed = tags.slice(0, MAX_LISTED_TAGS).map((tag) => ({
        id: tag.id ?? '',
        name: tag.name ?? '',
        type: tag.type ?? 'Regular',
        imageCount: typeof tag.imageCount === 'number' ? tag.imageCount : null,
      }));
      this.run.builder.updateProject(this.projectId, (row) => ({
        ...row,
        tags: listed,
        tagsTruncated: tags.length > MAX_LISTED_TAGS,
        counts: { ...row.counts, tags: tags.length },
      }));
    } else {
      this.run.builder.updateProject(this.projectId, (row) => ({ ...row, tags: [], tagsTruncated: false, counts: { ...row.counts, tags: null } }));
    }
    this.stepDone('tags');
  }

  private async scanImages(iterations: readonly AddressableIteration[] | null): Promise<void> {
    const { client, signal } = this.run;
    const projectId = this.projectId;
    await this.run.checkpoint();
    const tagged = await this.attempt(['images'], () => client.getTaggedImageCount(projectId, { signal }));
    const untagged = await this.attempt(['images'], () => client.getUntaggedImageCount(projectId, { signal }));
    this.run.builder.setCounts(projectId, {
      taggedImages: tagged === FAILED ? null : tagged,
      untaggedImages: untagged === FAILED ? null : untagged,
    });
    this.run.emit();

    if (iterations) {
      const perIteration = new Map<string, number>();
      for (const iteration of iterations.filter(isTrained)) {
        await this.run.checkpoint();
        const inTagged = await this.attempt(['images'], () => client.getTaggedImageCount(projectId, { iterationId: iteration.id, signal }));
        const inUntagged = await this.attempt(['images'], () => client.getUntaggedImageCount(projectId, { iterationId: iteration.id, signal }));
        if (inTagged !== FAILED && inUntagged !== FAILED) perIteration.set(iteration.id, inTagged + inUntagged);
      }
      this.run.builder.updateProject(projectId, (row) => ({
        ...row,
        iterations: row.iterations.map((entry) => {
          const imageCount = perIteration.get(entry.id);
          return imageCount === undefined ? entry : { ...entry, imageCount };
        }),
      }));
      const workspace = tagged === FAILED || untagged === FAILED ? null : tagged + untagged;
      const onlyInIterations = await this.attempt(['images'], () =>
        countImagesOnlyInIterations(client, projectId, [...perIteration].map(([iterationId, count]) => ({ iterationId, count })), workspace, {
          signal,
          checkpoint: () => this.run.checkpoint(),
        }),
      );
      // Exact only when every trained iteration was counted; otherwise unknown.
      const complete = onlyInIterations !== FAILED && perIteration.size === iterations.filter(isTrained).length;
      this.run.builder.setCounts(projectId, { imagesOnlyInIterations: complete ? onlyInIterations : null });
    }
    this.stepDone('images');
  }

  private async scanModels(iterations: readonly AddressableIteration[] | null): Promise<void> {
    if (iterations) {
      const models: ProjectRow['models'] = [];
      for (const iteration of iterations.filter(isTrained)) {
        await this.run.checkpoint();
        const exports = await this.attempt(['models'], () => this.run.client.getExports(this.projectId, iteration.id, { signal: this.run.signal }));
        if (exports === FAILED) continue;
        for (const model of exports) {
          models.push({ iterationId: iteration.id, platform: model.platform ?? '', flavor: model.flavor ?? null, status: model.status ?? '' });
        }
      }
      this.run.builder.updateProject(this.projectId, (row) => ({ ...row, models, counts: { ...row.counts, models: models.length } }));
    }
    this.stepDone('models');
  }

  private async scanPredictions(): Promise<void> {
    const count = await this.attempt(['predictions'], async () => {
      let total = 0;
      // Records only: each carries image links, which are never followed here.
      const list = this.run.client.iteratePredictions(this.projectId, { maxCount: PREDICTION_PAGE_SIZE }, { signal: this.run.signal });
      for await (const page of list.pages()) {
        total += page.length;
        await this.run.checkpoint();
      }
      return total;
    });
    this.run.builder.setCounts(this.projectId, { predictions: count === FAILED ? null : count });
    this.stepDone('predictions');
  }

  private stepDone(category: InventoryCategory): void {
    this.run.builder.advanceRow(category);
    this.run.progress.advance(category);
    this.run.emit();
  }

  /** The call's result, or FAILED after recording the problem on every given category. */
  private async attempt<T>(categories: readonly InventoryCategory[], call: () => Promise<T>): Promise<T | Failed> {
    try {
      return await call();
    } catch (error) {
      if (isCancellation(error, this.run.signal)) throw error;
      const { code, message } = errorInfo(error);
      for (const category of categories) {
        this.run.builder.addProblem({ category, projectId: this.projectId, code, message });
        this.run.progress.fail(category, message, mainText('appError', { code }));
      }
      return FAILED;
    }
  }
}
