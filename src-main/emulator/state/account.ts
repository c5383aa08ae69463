/**
 * The whole emulated account: projects (each with its workspace, iterations and stored
 * predictions) plus the clock and counters every mutation uses.
 */
import { ImageTable } from './image-table';
import { DEFAULT_DOMAIN_ID } from './domains';
import type { Classifier, ProjectRec, Stamp } from './types';
import { fromHex } from '../ids';

export class AccountState {
  readonly projects = new Map<string, ProjectRec>();
  private seq = 0;
  private tickCounter = 0;
  readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** A `created` stamp for now; the sub-ms tick varies so 7 digits show, as in real data. */
  stamp(ms: number = this.now()): Stamp {
    this.tickCounter = (this.tickCounter + 3761) % 9973;
    return { ms, tick: this.tickCounter + 17 };
  }

  projectByHex(hex: string): ProjectRec | undefined {
    return /^[0-9a-f]{32}$/.test(hex) ? this.projects.get(fromHex(hex)) : undefined;
  }

  createProject(input: {
    id: string;
    name: string;
    description: string | null;
    domainId?: string;
    classificationType?: Classifier | null;
    targetExportPlatforms?: string[];
    createdMs?: number;
  }): ProjectRec {
    const created = input.createdMs ?? this.now();
    const project: ProjectRec = {
      id: input.id,
      name: input.name,
      description: input.description,
      domainId: input.domainId ?? DEFAULT_DOMAIN_ID,
      classificationType: input.classificationType === undefined ? 'Multiclass' : input.classificationType,
      targetExportPlatforms: input.targetExportPlatforms ?? [],
      createdMs: created,
      lastModifiedMs: created,
      tags: new Map(),
      images: new ImageTable(),
      iterations: new Map(),
      predictions: new Map(),
      iterationCounter: 0,
      dirty: false,
      uploadHashes: new Map(),
    };
    this.projects.set(project.id, project);
    return project;
  }
}
