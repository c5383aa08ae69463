/**
 * Turns a seed (file, demo or object) into account state. Validation is two-step: zod for
 * the shape, then references (tag names, image keys, iteration names, domains), each
 * reported with its path so a hand-written seed is easy to fix.
 */
import { readFileSync } from 'node:fs';
import { parseUuid, stableUuid } from '../ids';
import { hashString } from '../prng';
import type { AccountState } from '../state/account';
import { DOMAINS, findDomain } from '../state/domains';
import { ImageTable } from '../state/image-table';
import type { ExportRec, ImageRec, IterationRec, ProjectRec, Stamp, TagRec } from '../state/types';
import { seedSchema, type Seed, type SeedDocument, type SeedProject } from './format';

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

const MINUTE = 60_000;

export function parseSeed(value: unknown, source = 'seed'): Seed {
  const result = seedSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 10).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return `  ${path || '(root)'}: ${issue.message}`;
  });
  throw new SeedError(`${source} is not a valid emulator seed:\n${lines.join('\n')}`);
}

export function readSeedFile(file: string): Seed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SeedError(`Cannot read seed file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeedError(`Seed file ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseSeed(json, `Seed file ${file}`);
}

function resolveDomain(project: SeedProject, where: string): string {
  const asId = parseUuid(project.domain);
  const domain = asId ? findDomain(asId) : DOMAINS.find((d) => d.name === project.domain && d.type === project.domainType);
  if (!domain) throw new SeedError(`${where}.domain: unknown ${project.domainType} domain "${project.domain}"`);
  return domain.id;
}

function whenMs(value: string | number | undefined, base: number, fallback: number): number {
  if (value === undefined) return fallback;
  return typeof value === 'number' ? Math.round(base + value * MINUTE) : Date.parse(value);
}

interface ProjectLoad {
  state: AccountState;
  seed: SeedProject;
  where: string;
  baseMs: number;
  project: ProjectRec;
  tagsByName: Map<string, TagRec>;
  imagesByKey: Map<string, ImageRec>;
  iterationsByName: Map<string, IterationRec>;
  lastTrainedMs: number;
}

function tagIdOf(load: ProjectLoad, name: string, path: string): string {
  const tag = load.tagsByName.get(name);
  if (!tag) throw new SeedError(`${path}: unknown tag "${name}"`);
  return tag.id;
}

function loadTags(load: ProjectLoad): void {
  load.seed.tags.forEach((tag, i) => {
    if (load.tagsByName.has(tag.name)) throw new SeedError(`${load.where}.tags[${i}]: duplicate tag "${tag.name}"`);
    // An empty description reads back as null, as on the service (Microsoft's TagRetrieval test).
    const rec: TagRec = { id: stableUuid(`${load.seed.key}/tag/${tag.name}`), name: tag.name, description: tag.description === '' ? null : tag.description, type: tag.type };
    load.tagsByName.set(tag.name, rec);
    load.project.tags.set(rec.id, rec);
  });
}

/** The 100-ns digits after the milliseconds of an ISO date (`…43.2010801Z` → 801), if written. */
function isoTick(value: string): number | undefined {
  const fraction = /T\d{2}:\d{2}:\d{2}\.(\d{4,})/.exec(value)?.[1];
  return fraction === undefined ? undefined : Number(fraction.slice(3, 7).padEnd(4, '0'));
}

function loadImages(load: ProjectLoad): void {
  const pk = load.seed.key;
  // Equal written `created` values must be equal to the tick (as one upload batch's are),
  // so the first image with a value fixes the sub-millisecond part for the others.
  const writtenStamps = new Map<number, Stamp>();
  load.seed.images.forEach((image, i) => {
    const path = `${load.where}.images[${i}]`;
    if (load.imagesByKey.has(image.key)) throw new SeedError(`${path}.key: duplicate image key "${image.key}"`);
    const h = hashString(`${pk}/${image.key}`);
    const ms = whenMs(image.created, load.baseMs, load.project.createdMs + (i + 1) * 5 * MINUTE + (h % 240_000));
    const exactTick = typeof image.created === 'string' ? isoTick(image.created) : undefined;
    let created: Stamp = { ms, tick: exactTick ?? (h % 9999) + 1 };
    if (image.created !== undefined && exactTick === undefined) {
      created = writtenStamps.get(ms) ?? created;
      writtenStamps.set(ms, created);
    }
    const tagStamp = { ms: ms + 1500 + (h % 900), tick: ((h >>> 8) % 9999) + 1 };
    const tagIds = [
      ...new Set([
        ...image.tags.map((t, j) => tagIdOf(load, t, `${path}.tags[${j}]`)),
        ...image.regions.map((r, j) => tagIdOf(load, r.tag, `${path}.regions[${j}].tag`)),
      ]),
    ];
    const rec: ImageRec = {
      id: stableUuid(`${pk}/image/${image.key}`),
      seq: load.state.nextSeq(),
      created,
      width: image.width,
      height: image.height,
      format: image.format,
      seed: image.seed ?? h,
      label: image.tags[0] ?? image.regions[0]?.tag,
      bytes: undefined,
      tags: tagIds.map((id) => ({ tagId: id, created: tagStamp })),
      regions: image.regions.map((r, j) => ({
        regionId: stableUuid(`${pk}/region/${image.key}/${j}`),
        tagId: tagIdOf(load, r.tag, `${path}.regions[${j}].tag`),
        left: r.left,
        top: r.top,
        width: r.width,
        height: r.height,
        created: tagStamp,
      })),
      metadata: image.metadata && Object.keys(image.metadata).length > 0 ? { ...image.metadata } : undefined,
    };
    load.imagesByKey.set(image.key, rec);
    load.project.images.add(rec);
  });
}

function loadIterations(load: ProjectLoad): void {
  const { project, seed } = load;
  const exportable = findDomain(project.domainId)?.exportable === true;
  seed.iterations.forEach((it, i) => {
    const path = `${load.where}.iterations[${i}]`;
    if (load.iterationsByName.has(it.name)) throw new SeedError(`${path}.name: duplicate iteration "${it.name}"`);
    const explicit = it.images?.map((key, j) => {
      const image = load.imagesByKey.get(key);
      if (!image) throw new SeedError(`${path}.images[${j}]: unknown image key "${key}"`);
      return image;
    });
    const latest = (list: readonly ImageRec[]): number => list.reduce((max, image) => Math.max(max, image.created.ms), project.createdMs);
    const tagged = [...load.imagesByKey.values()].filter((image) => image.tags.length > 0);
    const createdMs = whenMs(it.created, load.baseMs, latest(explicit ?? tagged) + 30 * MINUTE + 4321);
    // Default membership: every tagged image that existed when it was trained.
    const members = explicit ?? tagged.filter((image) => image.created.ms <= createdMs);
    const trainedAt = it.status === 'Completed' ? createdMs + it.trainingTimeInMinutes * MINUTE + 517 : undefined;
    if (it.published && it.status !== 'Completed') throw new SeedError(`${path}.published: only a Completed iteration can be published`);
    const exports = new Map<string, ExportRec>();
    it.exports.forEach((exp, j) => {
      if (!exportable || trainedAt === undefined) {
        throw new SeedError(`${path}.exports[${j}]: exports need a Completed iteration in a compact (exportable) domain`);
      }
      const doneMs = exp.status === 'Done' ? trainedAt + (j + 1) * 9 * MINUTE : undefined;
      exports.set(`${exp.platform}|${exp.flavor ?? ''}`, { platform: exp.platform, flavor: exp.flavor, status: exp.status, doneMs });
    });
    const iteration: IterationRec = {
      id: stableUuid(`${seed.key}/iteration/${it.name}`),
      projectId: project.id,
      name: it.name,
      status: it.status,
      createdMs,
      lastModifiedMs: trainedAt ?? createdMs,
      trainedAtMs: trainedAt,
      domainId: project.domainId,
      classificationType: project.classificationType,
      trainingType: 'Regular',
      reservedBudgetInHours: 0,
      trainingTimeInMinutes: it.status === 'Completed' ? it.trainingTimeInMinutes : 0,
      publishName: it.published?.name ?? null,
      publishResourceId: it.published?.predictionResourceId ?? null,
      snapshot: { images: ImageTable.from(members), tags: [...project.tags.values()] },
      exports,
    };
    load.iterationsByName.set(it.name, iteration);
    project.iterations.set(iteration.id, iteration);
    load.lastTrainedMs = Math.max(load.lastTrainedMs, trainedAt ?? createdMs);
  });
  project.iterationCounter = seed.iterations.length;
}

function loadPredictions(load: ProjectLoad): void {
  const pk = load.seed.key;
  load.seed.predictions.forEach((p, i) => {
    const path = `${load.where}.predictions[${i}]`;
    const iteration = load.iterationsByName.get(p.iteration);
    if (!iteration) throw new SeedError(`${path}.iteration: unknown iteration "${p.iteration}"`);
    const h = hashString(`${pk}/prediction/${p.key}`);
    const id = stableUuid(`${pk}/prediction/${p.key}`);
    if (load.project.predictions.has(id)) throw new SeedError(`${path}.key: duplicate prediction key "${p.key}"`);
    load.project.predictions.set(id, {
      id,
      seq: load.state.nextSeq(),
      iterationId: iteration.id,
      createdMs: whenMs(p.created, load.baseMs, load.lastTrainedMs + (i + 1) * 11 * MINUTE + (h % 50_000)),
      width: p.width,
      height: p.height,
      format: p.format,
      seed: p.seed ?? h,
      label: p.results[0]?.tag,
      predictions: p.results
        .map((r, j) => ({ tagId: tagIdOf(load, r.tag, `${path}.results[${j}].tag`), tagName: r.tag, probability: r.probability, boundingBox: r.boundingBox }))
        .sort((a, b) => b.probability - a.probability),
    });
  });
}

function loadProject(state: AccountState, seed: SeedProject, index: number, baseMs: number): void {
  const where = `projects[${index}]`;
  const domainId = resolveDomain(seed, where);
  const detection = findDomain(domainId)?.type === 'ObjectDetection';
  const createdMs = whenMs(seed.created, baseMs, baseMs + index * 24 * 60 * MINUTE + 1234);
  if (state.projects.has(stableUuid(`${seed.key}/project`))) throw new SeedError(`${where}.key: duplicate project key "${seed.key}"`);
  const project = state.createProject({
    id: stableUuid(`${seed.key}/project`),
    name: seed.name,
    description: seed.description,
    domainId,
    classificationType: detection ? null : seed.classificationType,
    createdMs,
  });
  const load: ProjectLoad = {
    state,
    seed,
    where,
    baseMs,
    project,
    tagsByName: new Map(),
    imagesByKey: new Map(),
    iterationsByName: new Map(),
    lastTrainedMs: createdMs,
  };
  loadTags(load);
  loadImages(load);
  loadIterations(load);
  loadPredictions(load);
  // Images deleted after training survive only in the iterations that include them.
  project.images.delete(seed.images.filter((image) => image.deletedFromWorkspace).map((image) => stableUuid(`${seed.key}/image/${image.key}`)));
  const last = [...project.iterations.values()].at(-1);
  project.dirty = !last?.snapshot || project.images.all().some((image) => image.tags.length > 0 && !last.snapshot?.images.has(image.id));
  project.lastModifiedMs = Math.max(createdMs, load.lastTrainedMs);
}

/** Loads every project of a seed (validated here if given as a plain document). */
export function loadSeed(state: AccountState, seed: SeedDocument | Seed, source = 'seed'): void {
  const parsed = parseSeed(seed, source);
  const baseMs = Date.parse(parsed.baseDate);
  parsed.projects.forEach((project, index) => loadProject(state, project, index, baseMs));
}
