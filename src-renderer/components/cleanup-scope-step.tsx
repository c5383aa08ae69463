import { useId } from 'react';
import type { ProjectRow } from '../../shared/model/inventory';
import { formatCount } from '../lib/format';
import { draftProblem, scopeFromDraft, selectActiveInventory, useStewardStore, type ScopeKind } from '../store';
import { plural } from './cleanup-labels';
import { CleanupPartChoice } from './cleanup-part-choice';
import { CleanupStepFrame } from './cleanup-step-frame';

const SCOPE_CHOICES: ReadonlyArray<{ kind: ScopeKind; label: string; hint: string }> = [
  { kind: 'all', label: 'Everything in this account', hint: 'Every project with all its iterations, images, stored predictions and tags.' },
  { kind: 'projects', label: 'Chosen projects', hint: 'Whole projects, with everything in them.' },
  { kind: 'part', label: 'One kind of data in one project', hint: 'For example only the untagged images, one tag, one iteration or the stored predictions.' },
];

export function projectCountsText(project: ProjectRow): string {
  const { taggedImages, untaggedImages, iterations, predictions } = project.counts;
  const images = (taggedImages ?? 0) + (untaggedImages ?? 0);
  return [plural(images, 'image', 'images'), plural(iterations ?? 0, 'iteration', 'iterations'), plural(predictions ?? 0, 'stored prediction', 'stored predictions')].join(', ');
}

function ProjectChoice({ projects }: { projects: ProjectRow[] }) {
  const selected = useStewardStore((state) => state.cleanupDraft.projectIds);
  const setProject = useStewardStore((state) => state.setCleanupProject);
  return (
    <fieldset className="export-fieldset">
      <legend className="export-legend">Projects to delete</legend>
      <ul className="export-check-list">
        {projects.map((project) => (
          <li key={project.id}>
            <label className="export-check">
              <input type="checkbox" checked={selected.includes(project.id)} onChange={(event) => setProject(project.id, event.target.checked)} />
              <span className="export-check-text">
                {project.name || 'Unnamed project'}
                <span className="export-check-hint"> — {projectCountsText(project)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p className="field-hint">{formatCount(selected.length)} of {formatCount(projects.length)} projects chosen.</p>
    </fieldset>
  );
}

/** Step 1: the scope, from the whole account down to one kind of data in one project. */
export function CleanupScopeStep() {
  const hintId = useId();
  const draft = useStewardStore((state) => state.cleanupDraft);
  const inventory = useStewardStore(selectActiveInventory);
  const account = useStewardStore((state) => state.accounts.find((a) => a.accountId === state.activeAccountId));
  const pending = useStewardStore((state) => state.cleanupPending);
  const setDraft = useStewardStore((state) => state.setCleanupDraft);
  const startPlan = useStewardStore((state) => state.startCleanupPlan);
  const scope = scopeFromDraft(draft);
  const projects = inventory?.projects ?? [];
  const ready = account !== undefined && scope !== null && !pending;

  return (
    <CleanupStepFrame step="scope">
      <p>
        Nothing is deleted in this step. CV Steward first lists exactly what your choice covers, by id, so you can review
        it before anything happens.
      </p>
      {!account && <p className="cleanup-warning">Connect an account on the Accounts page first.</p>}
      <fieldset className="export-fieldset">
        <legend className="export-legend">What to delete</legend>
        {SCOPE_CHOICES.map((choice) => (
          <label key={choice.kind} className="export-check">
            <input type="radio" name="cleanup-scope" value={choice.kind} checked={draft.kind === choice.kind} onChange={() => setDraft({ kind: choice.kind })} />
            <span className="export-check-text">
              {choice.label}
              <span className="export-check-hint"> — {choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {draft.kind !== 'all' && projects.length === 0 && (
        <p className="cleanup-warning">
          {inventory ? 'This account has no projects.' : 'Scan the account on the Inventory page first, to choose from its projects.'}
        </p>
      )}
      {draft.kind === 'projects' && projects.length > 0 && <ProjectChoice projects={projects} />}
      {draft.kind === 'part' && projects.length > 0 && <CleanupPartChoice projects={projects} />}
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!ready}
          aria-describedby={hintId}
          onClick={() => void startPlan()}
        >
          Review the plan
        </button>
      </div>
      <p id={hintId} className="field-hint">
        {draftProblem(draft) ?? 'CV Steward reads the ids of everything in scope; this can take a few seconds.'}
      </p>
    </CleanupStepFrame>
  );
}
