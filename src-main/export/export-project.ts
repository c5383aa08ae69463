/**
 * One project, in an order that lets later parts rely on earlier ones: its record and
 * tags, the workspace images (whose ids tell which iteration images exist only in
 * iterations), the iterations, the stored predictions, then the reconciliation.
 */
import { projectPaths } from './bundle-paths';
import { advance, callOptions, step, wants, type ExportRun } from './export-run';
import { exportWorkspaceImages, type ProjectImageState, type WorkspaceImages } from './export-images';
import { exportIteration } from './export-iterations';
import type { ProjectPlan } from './export-plan';
import { exportPredictions } from './export-predictions';
import { IdSet } from '../customvision';
import type { ManifestProject, Reconciliation } from './manifest';
import { byReadingOrder, countCheck, selfCheck } from './reconcile';

export async function exportProject(run: ExportRun, plan: ProjectPlan): Promise<void> {
  const { client, writer } = run;
  const p = plan.id;
  const reconciliation: Reconciliation[] = [];
  const counts: ManifestProject['counts'] = {
    taggedImages: 0,
    untaggedImages: 0,
    imagesOnlyInIterations: 0,
    iterations: plan.iterations.length,
    tags: plan.tags?.length ?? 0,
    exports: 0,
    predictions: 0,
  };

  const project = await step(run, 'projects', p, 'Project details', async () => {
    const record = await client.getProject(p, callOptions(run));
    await writer.writeJson(projectPaths.project(p), record);
    return record;
  });
  if (project) advance(run, 'projects', 1);
  const name = typeof project?.name === 'string' ? project.name : plan.name;

  if (wants(run, 'tags') && plan.tags) {
    const tags = plan.tags;
    const done = await step(run, 'tags', p, 'Tags', () => writer.writeJson(projectPaths.tags(p), tags));
    if (done) advance(run, 'tags', tags.length);
  }

  const images: ProjectImageState = { workspaceIds: undefined, onlyInIterations: new IdSet(), tally: { expected: 0, present: 0 }, downloads: [] };
  let workspace: WorkspaceImages | undefined;
  if (wants(run, 'images')) {
    workspace = await exportWorkspaceImages(run, plan, images);
    images.workspaceIds = workspace?.ids;
  }

  for (const iteration of plan.iterations) {
    await run.ctx.checkpoint();
    const outcome = await exportIteration(run, plan, iteration, images, reconciliation);
    counts.exports += outcome.exports;
  }

  let predictionFiles: Promise<void> | undefined;
  if (wants(run, 'predictions')) {
    const outcome = await exportPredictions(run, p, reconciliation);
    counts.predictions = outcome?.records ?? 0;
    predictionFiles = outcome?.files;
  }

  if (workspace) {
    counts.taggedImages = workspace.tagged;
    counts.untaggedImages = workspace.untagged;
    const options = callOptions(run);
    await countCheck(run, p, reconciliation, { what: 'taggedImages', exported: workspace.tagged, planned: plan.taggedCount }, () =>
      client.getTaggedImageCount(p, options),
    );
    await countCheck(run, p, reconciliation, { what: 'untaggedImages', exported: workspace.untagged, planned: plan.untaggedCount }, () =>
      client.getUntaggedImageCount(p, options),
    );
  }
  // Listed in walk order now; the file checks are added once this project's downloads end.
  run.projects.push({ id: p, name, counts, reconciliation });
  const sortChecks = (): void => {
    // Workspace checks first, then per-iteration ones, then files: the order people read.
    reconciliation.sort(byReadingOrder);
  };
  sortChecks();
  const hasWorkspace = workspace !== undefined;
  void run.downloads.track(
    Promise.all([...images.downloads, predictionFiles]).then(() => {
      if (hasWorkspace) {
        // Iteration-only images are found while their downloads read the iteration records, so the count is final only now.
        counts.imagesOnlyInIterations = images.onlyInIterations.size;
        selfCheck(reconciliation, 'imageFiles', images.tally.expected, images.tally.present);
      }
      sortChecks();
    }),
  );
}
