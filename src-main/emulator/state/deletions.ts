/**
 * The record of what the emulated service really deleted, in order (GET
 * /__emulator/deletions, `emu.deletions()`): tests compare it with what a cleanup plan
 * allowed. Only effective deletions are recorded — a call that removed nothing (all its
 * ids already gone) leaves no entry — and ids are exactly those that existed and went.
 */

export type DeletionOperation =
  | 'DeleteImages'
  | 'DeletePrediction'
  | 'DeleteTag'
  | 'DeleteIteration'
  | 'DeleteProject'
  | 'UnpublishIteration'
  /** deleteElsewhere(): another client deleted them (not an API call of the client under test). */
  | 'elsewhere';

/** What `ids` name. */
export type DeletionKind = 'images' | 'predictions' | 'tag' | 'iteration' | 'project' | 'publication';

export interface DeletionRecord {
  /** The emulator clock (`now()`, ms since the epoch) when the deletion took effect. */
  at: number;
  operation: DeletionOperation;
  projectId: string;
  kind: DeletionKind;
  /**
   * images: removed from the workspace and/or iteration snapshots; predictions; tag,
   * iteration, project: its own id; publication: the unpublished iteration's id.
   */
  ids: string[];
  /** DeleteIteration: images that lived only in that iteration's snapshot, gone with it. */
  implicitImageIds?: string[];
  /** DeleteProject: everything it held (images of the workspace and of every snapshot). */
  held?: { imageIds: string[]; iterationIds: string[]; tagIds: string[]; predictionIds: string[] };
  /** UnpublishIteration: the publish name it had. */
  publishName?: string;
}

export type NewDeletion = Omit<DeletionRecord, 'at'>;

export class DeletionLog {
  private entries: DeletionRecord[] = [];

  constructor(private readonly now: () => number) {}

  /** Adds the record when it removed something; returns it (undefined when nothing went). */
  record(deletion: NewDeletion): DeletionRecord | undefined {
    if (deletion.ids.length === 0) return undefined;
    const entry: DeletionRecord = { at: this.now(), ...deletion };
    this.entries.push(entry);
    return structuredClone(entry);
  }

  /** A copy: callers cannot edit the log. */
  list(): DeletionRecord[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }
}
