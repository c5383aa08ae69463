/**
 * The scope form of the cleanup wizard (step 1) as plain data, and its translation to
 * and from the CleanupScope main plans. Pure, so the rules ("a date is needed for images
 * older than…") are tested without a page.
 */
import type { CleanupScope, ProjectPart } from '../../shared/model/cleanup';
import { i18n } from '../i18n';

export type ScopeKind = CleanupScope['kind'];
export type PartKind = ProjectPart['kind'];

export const PART_KINDS: readonly PartKind[] = ['untaggedImages', 'allImages', 'imagesOlderThan', 'taggedWith', 'tag', 'iteration', 'predictions'];

export function partLabel(kind: PartKind): string {
  return i18n.t(`cleanup.part.kinds.${kind}`);
}

export interface CleanupDraft {
  /**
   * null until the user picks a scope: deleting is never a default, so not even "everything
   * in this account" is chosen for them.
   */
  kind: ScopeKind | null;
  /** For "chosen projects". */
  projectIds: string[];
  /** For "one kind of data in one project". */
  partProjectId: string;
  partKind: PartKind;
  /** yyyy-mm-dd from the date field (images older than…). */
  before: string;
  /** The tag of `taggedWith` and `tag`. */
  tagId: string;
  iterationId: string;
}

export const EMPTY_DRAFT: CleanupDraft = {
  kind: null,
  projectIds: [],
  partProjectId: '',
  partKind: 'untaggedImages',
  before: '',
  tagId: '',
  iterationId: '',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Midnight UTC at the start of the chosen day, as an instant. The service records upload
 * times in UTC and a saved plan, its review and the command line (`older-than=2024-03-01`)
 * all read a bare date as midnight UTC, so the date field means the same: the label says
 * UTC, and the same plan built on computers in different time zones covers the same images.
 */
export function startOfUtcDay(date: string): string | null {
  if (!DATE.test(date)) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 30 February over into March: such a day does not exist.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return utc.toISOString();
}

function partOf(draft: CleanupDraft): ProjectPart | null {
  switch (draft.partKind) {
    case 'untaggedImages':
    case 'allImages':
    case 'predictions':
      return { kind: draft.partKind };
    case 'imagesOlderThan': {
      const before = startOfUtcDay(draft.before);
      return before === null ? null : { kind: 'imagesOlderThan', before };
    }
    case 'taggedWith':
    case 'tag':
      return draft.tagId === '' ? null : { kind: draft.partKind, tagId: draft.tagId };
    case 'iteration':
      return draft.iterationId === '' ? null : { kind: 'iteration', iterationId: draft.iterationId };
  }
}

/** The scope the form describes, or null while something it needs is missing. */
export function scopeFromDraft(draft: CleanupDraft): CleanupScope | null {
  if (draft.kind === null) return null;
  if (draft.kind === 'all') return { kind: 'all' };
  if (draft.kind === 'projects') return draft.projectIds.length === 0 ? null : { kind: 'projects', projectIds: [...draft.projectIds] };
  if (draft.partProjectId === '') return null;
  const part = partOf(draft);
  return part === null ? null : { kind: 'part', projectId: draft.partProjectId, part };
}

/** What the form still needs, in words, or null when it describes a scope. */
export function draftProblem(draft: CleanupDraft): string | null {
  if (scopeFromDraft(draft) !== null) return null;
  if (draft.kind === null) return i18n.t('cleanup.scope.problem.chooseScope');
  if (draft.kind === 'projects') return i18n.t('cleanup.scope.problem.chooseProjects');
  if (draft.partProjectId === '') return i18n.t('cleanup.scope.problem.chooseProject');
  if (draft.partKind === 'imagesOlderThan') return i18n.t('cleanup.scope.problem.chooseDate');
  if (draft.partKind === 'iteration') return i18n.t('cleanup.scope.problem.chooseIteration');
  return i18n.t('cleanup.scope.problem.chooseTag');
}

/** What the form shows for a scope chosen elsewhere (the Inventory page's actions). */
export function draftFromScope(scope: CleanupScope): CleanupDraft {
  if (scope.kind === 'all') return { ...EMPTY_DRAFT, kind: 'all' };
  if (scope.kind === 'projects') return { ...EMPTY_DRAFT, kind: 'projects', projectIds: [...scope.projectIds] };
  const { part } = scope;
  const draft: CleanupDraft = { ...EMPTY_DRAFT, kind: 'part', partProjectId: scope.projectId, partKind: part.kind };
  if (part.kind === 'taggedWith' || part.kind === 'tag') draft.tagId = part.tagId;
  if (part.kind === 'iteration') draft.iterationId = part.iterationId;
  if (part.kind === 'imagesOlderThan') draft.before = utcDate(part.before);
  return draft;
}

/** The UTC calendar day of an instant, as the date field shows it (yyyy-mm-dd). */
function utcDate(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return date.toISOString().slice(0, 10);
}
