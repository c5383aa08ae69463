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
  kind: ScopeKind;
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
  kind: 'all',
  projectIds: [],
  partProjectId: '',
  partKind: 'untaggedImages',
  before: '',
  tagId: '',
  iterationId: '',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The start of the chosen day on this computer's clock, as an instant: "before 1 March"
 * means what the user sees as 1 March, not midnight in London.
 */
export function startOfDay(date: string): string | null {
  if (!DATE.test(date)) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const local = new Date(year, month - 1, day);
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day) return null;
  return local.toISOString();
}

function partOf(draft: CleanupDraft): ProjectPart | null {
  switch (draft.partKind) {
    case 'untaggedImages':
    case 'allImages':
    case 'predictions':
      return { kind: draft.partKind };
    case 'imagesOlderThan': {
      const before = startOfDay(draft.before);
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
  if (draft.kind === 'all') return { kind: 'all' };
  if (draft.kind === 'projects') return draft.projectIds.length === 0 ? null : { kind: 'projects', projectIds: [...draft.projectIds] };
  if (draft.partProjectId === '') return null;
  const part = partOf(draft);
  return part === null ? null : { kind: 'part', projectId: draft.partProjectId, part };
}

/** What the form still needs, in words, or null when it describes a scope. */
export function draftProblem(draft: CleanupDraft): string | null {
  if (scopeFromDraft(draft) !== null) return null;
  if (draft.kind === 'projects') return i18n.t('cleanup.scope.problem.chooseProjects');
  if (draft.partProjectId === '') return i18n.t('cleanup.scope.problem.chooseProject');
  if (draft.partKind === 'imagesOlderThan') return i18n.t('cleanup.scope.problem.chooseDate');
  if (draft.partKind === 'iteration') return i18n.t('cleanup.scope.problem.chooseIteration');
  return i18n.t('cleanup.scope.problem.chooseTag');
}

/** What the form shows for a scope chosen elsewhere (the Inventory page's actions). */
export function draftFromScope(scope: CleanupScope): CleanupDraft {
  if (scope.kind === 'all') return { ...EMPTY_DRAFT };
  if (scope.kind === 'projects') return { ...EMPTY_DRAFT, kind: 'projects', projectIds: [...scope.projectIds] };
  const { part } = scope;
  const draft: CleanupDraft = { ...EMPTY_DRAFT, kind: 'part', partProjectId: scope.projectId, partKind: part.kind };
  if (part.kind === 'taggedWith' || part.kind === 'tag') draft.tagId = part.tagId;
  if (part.kind === 'iteration') draft.iterationId = part.iterationId;
  if (part.kind === 'imagesOlderThan') draft.before = localDate(part.before);
  return draft;
}

function localDate(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
