import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectRow } from '../../shared/model/inventory';
import { imagesText } from '../lib/image-counts';
import { i18n } from '../i18n';
import { PART_KINDS, partLabel, useStewardStore, type CleanupDraft, type PartKind } from '../store';

function isPartKind(value: string): value is PartKind {
  return (PART_KINDS as readonly string[]).includes(value);
}

/** What the inventory counted for the chosen kind of data, or null when it does not know. */
export function partCountText(project: ProjectRow, draft: CleanupDraft): string | null {
  const c = project.counts;
  switch (draft.partKind) {
    case 'untaggedImages':
      return c.untaggedImages === null ? null : i18n.t('counts.untaggedImages', { count: c.untaggedImages });
    case 'allImages':
      // The plan takes the images only inside trained iterations too: the count says so, in the Inventory's words.
      return c.taggedImages === null || c.untaggedImages === null ? null : imagesText(c);
    case 'predictions':
      return c.predictions === null ? null : i18n.t('counts.predictions', { count: c.predictions });
    case 'taggedWith':
    case 'tag': {
      const count = project.tags.find((tag) => tag.id === draft.tagId)?.imageCount;
      return typeof count === 'number' ? i18n.t('cleanup.part.tagCarries', { count }) : null;
    }
    case 'iteration': {
      const count = project.iterations.find((iteration) => iteration.id === draft.iterationId)?.imageCount;
      return typeof count === 'number' ? i18n.t('cleanup.part.inIteration', { count }) : null;
    }
    case 'imagesOlderThan':
      return null;
  }
}

/** Step 1, "one kind of data in one project": the project, the kind, and what that kind needs. */
export function CleanupPartChoice({ projects }: { projects: ProjectRow[] }) {
  const { t } = useTranslation();
  const ids = { project: useId(), kind: useId(), detail: useId(), count: useId(), dateHint: useId() };
  const draft = useStewardStore((state) => state.cleanupDraft);
  const setDraft = useStewardStore((state) => state.setCleanupDraft);
  const project = projects.find((p) => p.id === draft.partProjectId);
  const count = project ? partCountText(project, draft) : null;

  return (
    <div className="cleanup-part">
      <div className="field">
        <label htmlFor={ids.project} className="field-label">
          {t('cleanup.part.project')}
        </label>
        <select
          id={ids.project}
          className="input"
          value={draft.partProjectId}
          onChange={(event) => setDraft({ partProjectId: event.target.value, tagId: '', iterationId: '' })}
        >
          <option value="">{t('cleanup.part.chooseProject')}</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name || t('common.unnamedProject')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.kind} className="field-label">
          {t('cleanup.part.kind')}
        </label>
        <select
          id={ids.kind}
          className="input"
          value={draft.partKind}
          aria-describedby={count === null ? undefined : ids.count}
          onChange={(event) => {
            if (isPartKind(event.target.value)) setDraft({ partKind: event.target.value });
          }}
        >
          {PART_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {partLabel(kind)}
            </option>
          ))}
        </select>
        {count !== null && (
          <p id={ids.count} className="field-hint">
            {t('cleanup.part.counted', { what: count })}
          </p>
        )}
      </div>
      {draft.partKind === 'imagesOlderThan' && (
        <div className="field">
          <label htmlFor={ids.detail} className="field-label">
            {t('cleanup.part.addedBefore')}
          </label>
          {/* The value is a UTC calendar day (see startOfUtcDay); the hint says so to screen readers too. */}
          <input
            id={ids.detail}
            className="input"
            type="date"
            value={draft.before}
            aria-describedby={ids.dateHint}
            onChange={(event) => setDraft({ before: event.target.value })}
          />
          <p id={ids.dateHint} className="field-hint">
            {t('cleanup.part.dateHint')}
          </p>
        </div>
      )}
      {(draft.partKind === 'taggedWith' || draft.partKind === 'tag') && project && (
        <div className="field">
          <label htmlFor={ids.detail} className="field-label">
            {t('cleanup.part.tag')}
          </label>
          <select id={ids.detail} className="input" value={draft.tagId} onChange={(event) => setDraft({ tagId: event.target.value })}>
            <option value="">{t('cleanup.part.chooseTag')}</option>
            {project.tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {draft.partKind === 'iteration' && project && (
        <div className="field">
          <label htmlFor={ids.detail} className="field-label">
            {t('cleanup.part.iteration')}
          </label>
          <select id={ids.detail} className="input" value={draft.iterationId} onChange={(event) => setDraft({ iterationId: event.target.value })}>
            <option value="">{t('cleanup.part.chooseIteration')}</option>
            {project.iterations.map((iteration) => (
              <option key={iteration.id} value={iteration.id}>
                {iteration.name || iteration.id}
                {iteration.publishName !== null ? t('cleanup.part.publishedAs', { name: iteration.publishName }) : ''}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
