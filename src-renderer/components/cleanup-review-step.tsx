import type { PlanSummary } from '../../shared/model/cleanup';
import { formatCount } from '../lib/format';
import { selectCleanupPlanJob, useStewardStore } from '../store';
import { countsText, plural } from './cleanup-labels';
import { CleanupStepFrame } from './cleanup-step-frame';
import { JobProgress } from './job-progress';

/** The service's limit is 10 calls a second; the estimate says "about" for that reason. */
const CALLS_PER_SECOND = 10;

function durationText(calls: number): string {
  const seconds = Math.ceil(calls / CALLS_PER_SECOND);
  return seconds < 90 ? plural(seconds, 'second', 'seconds') : plural(Math.ceil(seconds / 60), 'minute', 'minutes');
}

function modelExports(plan: PlanSummary): number {
  return plan.projects.reduce((sum, project) => sum + project.modelExports, 0);
}

/** Everything that goes, in words: what a user would miss afterwards. */
function LossList({ plan }: { plan: PlanSummary }) {
  const c = plan.counts;
  const models = modelExports(plan);
  const items = [
    c.projects > 0 && `${plural(c.projects, 'project', 'projects')} with ${c.projects === 1 ? 'its' : 'their'} settings.`,
    c.publishedIterations > 0 &&
      `${plural(c.publishedIterations, 'published iteration', 'published iterations')} will be unpublished first: anything calling ${c.publishedIterations === 1 ? 'its' : 'their'} prediction endpoint stops working at once.`,
    c.iterations > 0 && `${plural(c.iterations, 'trained iteration', 'trained iterations')}, with their performance figures (precision, recall, per-image results).`,
    models > 0 && `${plural(models, 'exported model', 'exported models')} (the downloadable files), which go with their iterations.`,
    c.images > 0 &&
      `${plural(c.images, 'image', 'images')} with their tags and regions${c.imagesOnlyInIterations > 0 ? `, including ${formatCount(c.imagesOnlyInIterations)} kept only inside trained iterations` : ''}.`,
    c.predictions > 0 && `${plural(c.predictions, 'stored prediction', 'stored predictions')} and their images.`,
    c.tags > 0 && `${plural(c.tags, 'tag', 'tags')}.`,
  ].filter((item): item is string => typeof item === 'string');
  return (
    <>
      <h3>What will be lost</h3>
      <ul className="cleanup-loss">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>The Training API has no undo: once deleted, none of this can be brought back from Custom Vision.</p>
    </>
  );
}

function PlanView({ plan }: { plan: PlanSummary }) {
  const c = plan.counts;
  const rows: Array<[string, number, string?]> = [
    ['Projects', c.projects],
    ['Iterations (trained models)', c.iterations, c.publishedIterations > 0 ? `${formatCount(c.publishedIterations)} published: unpublished first` : undefined],
    ['Images', c.images, c.imagesOnlyInIterations > 0 ? `${formatCount(c.imagesOnlyInIterations)} only inside trained iterations` : undefined],
    ['Stored predictions', c.predictions],
    ['Tags', c.tags],
    ['Exported models', modelExports(plan), 'go with their iterations'],
  ];
  return (
    <>
      <p>
        Scope: <strong>{plan.scopeText}</strong> in the account <strong>{plan.account.displayName}</strong> ({plan.account.endpointHost}).
      </p>
      <table className="inventory-table cleanup-counts">
        <caption>What will be deleted</caption>
        <thead>
          <tr>
            <th scope="col">Kind of data</th>
            <th scope="col">Count</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count, note]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{formatCount(count)}</td>
              <td>{note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {plural(plan.apiCalls, 'delete call', 'delete calls')} to the Training API (about {durationText(plan.apiCalls)} at its limit of{' '}
        {CALLS_PER_SECOND} calls a second), then a check of each item to prove it is gone.
      </p>
      {plan.projects.length > 0 && (
        <>
          <h3>Projects in this plan</h3>
          <ul className="cleanup-projects" aria-label="Projects in this plan">
            {plan.projects.map((project) => (
              <li key={project.id}>
                <span className="cleanup-project-name">{project.name || 'Unnamed project'}</span>
                {' — '}
                {project.deleteProject ? 'the whole project: ' : 'part of it: '}
                {countsText(project.counts)}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.stepCount > 0 && <LossList plan={plan} />}
      <p className="field-hint">
        The plan is saved at <code>{plan.planPath}</code>.
      </p>
    </>
  );
}

/** Step 2: the plan main built from a fresh id snapshot, in counts and words. */
export function CleanupReviewStep() {
  const job = useStewardStore(selectCleanupPlanJob);
  const plan = useStewardStore((state) => state.cleanupPlan);
  const back = useStewardStore((state) => state.cleanupBack);
  const next = useStewardStore((state) => state.continueCleanup);
  const empty = plan !== null && plan.stepCount === 0;

  return (
    <CleanupStepFrame step="review">
      {!plan && job && <JobProgress job={job} headingLevel={3} />}
      {!plan && job?.state === 'succeeded' && <p role="status">Loading the plan…</p>}
      {plan && <PlanView plan={plan} />}
      {empty && <p className="cleanup-warning">Nothing to delete: this scope is already empty.</p>}
      <div className="form-actions">
        <button type="button" className="button" onClick={back}>
          Change what to delete
        </button>
        <button type="button" className="button button-primary" disabled={!plan || empty} onClick={next}>
          Continue to backup
        </button>
      </div>
    </CleanupStepFrame>
  );
}
