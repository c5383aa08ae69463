import { useId } from 'react';
import type { ProjectRow } from '../../shared/model/inventory';
import { PART_KINDS, PART_LABELS, useStewardStore, type CleanupDraft, type PartKind } from '../store';
import { plural } from './cleanup-labels';

function isPartKind(value: string): value is PartKind {
  return (PART_KINDS as readonly string[]).includes(value);
}

/** What the inventory counted for the chosen kind of data, or null when it does not know. */
export function partCountText(project: ProjectRow, draft: CleanupDraft): string | null {
  const c = project.counts;
  switch (draft.partKind) {
    case 'untaggedImages':
      return c.untaggedImages === null ? null : plural(c.untaggedImages, 'untagged image', 'untagged images');
    case 'allImages':
      return c.taggedImages === null || c.untaggedImages === null ? null : plural(c.taggedImages + c.untaggedImages, 'image', 'images');
    case 'predictions':
      return c.predictions === null ? null : plural(c.predictions, 'stored prediction', 'stored predictions');
    case 'taggedWith':
    case 'tag': {
      const count = project.tags.find((tag) => tag.id === draft.tagId)?.imageCount;
      return typeof count === 'number' ? plural(count, 'image carries', 'images carry') + ' this tag' : null;
    }
    case 'iteration': {
      const count = project.iterations.find((iteration) => iteration.id === draft.iterationId)?.imageCount;
      return typeof count === 'number' ? `${plural(count, 'image', 'images')} in this iteration` : null;
    }
    case 'imagesOlderThan':
      return null;
  }
}

/** Step 1, "one kind of data in one project": the project, the kind, and what that kind needs. */
export function CleanupPartChoice({ projects }: { projects: ProjectRow[] }) {
  const ids = { project: useId(), kind: useId(), detail: useId(), count: useId() };
  const draft = useStewardStore((state) => state.cleanupDraft);
  const setDraft = useStewardStore((state) => state.setCleanupDraft);
  const project = projects.find((p) => p.id === draft.partProjectId);
  const count = project ? partCountText(project, draft) : null;

  return (
    <div className="cleanup-part">
      <div className="field">
        <label htmlFor={ids.project} className="field-label">
          Project
        </label>
        <select
          id={ids.project}
          className="input"
          value={draft.partProjectId}
          onChange={(event) => setDraft({ partProjectId: event.target.value, tagId: '', iterationId: '' })}
        >
          <option value="">Choose a project…</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name || 'Unnamed project'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.kind} className="field-label">
          Kind of data
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
              {PART_LABELS[kind]}
            </option>
          ))}
        </select>
        {count !== null && (
          <p id={ids.count} className="field-hint">
            The inventory counted {count}.
          </p>
        )}
      </div>
      {draft.partKind === 'imagesOlderThan' && (
        <div className="field">
          <label htmlFor={ids.detail} className="field-label">
            Added before
          </label>
          <input id={ids.detail} className="input" type="date" value={draft.before} onChange={(event) => setDraft({ before: event.target.value })} />
          <p className="field-hint">Images uploaded before the start of this day (your computer’s time zone).</p>
        </div>
      )}
      {(draft.partKind === 'taggedWith' || draft.partKind === 'tag') && project && (
        <div className="field">
          <label htmlFor={ids.detail} className="field-label">
            Tag
          </label>
          <select id={ids.detail} className="input" value={draft.tagId} onChange={(event) => setDraft({ tagId: event.target.value })}>
            <option value="">Choose a tag…</option>
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
            Iteration
          </label>
          <select id={ids.detail} className="input" value={draft.iterationId} onChange={(event) => setDraft({ iterationId: event.target.value })}>
            <option value="">Choose an iteration…</option>
            {project.iterations.map((iteration) => (
              <option key={iteration.id} value={iteration.id}>
                {iteration.name || iteration.id}
                {iteration.publishName !== null ? ` (published as ${iteration.publishName})` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
