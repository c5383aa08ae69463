import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectRow } from '../../shared/model/inventory';
import { i18n } from '../i18n';
import { formatCount, joinList } from '../lib/format';
import { imagesText } from '../lib/image-counts';
import { draftProblem, scopeFromDraft, selectActiveInventory, useStewardStore, type ScopeKind } from '../store';
import { CleanupPartChoice } from './cleanup-part-choice';
import { CleanupSavedPlans } from './cleanup-saved-plans';
import { CleanupStepFrame } from './cleanup-step-frame';

const SCOPE_CHOICES: readonly ScopeKind[] = ['all', 'projects', 'part'];

/** What deleting the whole project takes, in the words the Inventory uses (iteration-only images go with their iterations). */
export function projectCountsText(project: ProjectRow): string {
  const { iterations, predictions } = project.counts;
  return joinList([
    imagesText(project.counts) ?? i18n.t('counts.images', { count: 0 }),
    i18n.t('counts.iterations', { count: iterations ?? 0 }),
    i18n.t('counts.predictions', { count: predictions ?? 0 }),
  ]);
}

function ProjectChoice({ projects }: { projects: ProjectRow[] }) {
  const { t } = useTranslation();
  const selected = useStewardStore((state) => state.cleanupDraft.projectIds);
  const setProject = useStewardStore((state) => state.setCleanupProject);
  return (
    <fieldset className="export-fieldset">
      <legend className="export-legend">{t('cleanup.scope.projectsLegend')}</legend>
      <ul className="export-check-list">
        {projects.map((project) => (
          <li key={project.id}>
            <label className="export-check">
              <input type="checkbox" checked={selected.includes(project.id)} onChange={(event) => setProject(project.id, event.target.checked)} />
              <span className="export-check-text">
                {project.name || t('common.unnamedProject')}
                <span className="export-check-hint"> — {projectCountsText(project)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p className="field-hint">
        {t('cleanup.scope.projectsChosen', { chosen: formatCount(selected.length), total: formatCount(projects.length) })}
      </p>
    </fieldset>
  );
}

/** Step 1: the scope, from the whole account down to one kind of data in one project. */
export function CleanupScopeStep() {
  const { t } = useTranslation();
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
      <p>{t('cleanup.scope.intro')}</p>
      {!account && <p className="cleanup-warning">{t('cleanup.scope.noAccount')}</p>}
      <fieldset className="export-fieldset">
        <legend className="export-legend">{t('cleanup.scope.legend')}</legend>
        {SCOPE_CHOICES.map((kind) => (
          <label key={kind} className="export-check">
            <input type="radio" name="cleanup-scope" value={kind} checked={draft.kind === kind} onChange={() => setDraft({ kind })} />
            <span className="export-check-text">
              {t(`cleanup.scope.choices.${kind}.label`)}
              <span className="export-check-hint"> — {t(`cleanup.scope.choices.${kind}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {(draft.kind === 'projects' || draft.kind === 'part') && projects.length === 0 && (
        <p className="cleanup-warning">{inventory ? t('cleanup.scope.noProjects') : t('cleanup.scope.scanFirst')}</p>
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
          {t('cleanup.scope.review')}
        </button>
      </div>
      <p id={hintId} className="field-hint">
        {draftProblem(draft) ?? t('cleanup.scope.readsIds')}
      </p>
      <CleanupSavedPlans />
    </CleanupStepFrame>
  );
}
