/**
 * One project's records other than images and predictions: project.json, tags.json and
 * each iteration's iteration.json, tags.json, performance.json, exports.json and models/.
 */
import { asArray, asObject, num, str, type BundleReader, type Json } from './bundle-reader';
import { ID_PATTERN, type ViewerExport, type ViewerIteration, type ViewerPerformance, type ViewerScore, type ViewerTag } from './viewer-data';

export interface ProjectRead {
  id: string;
  name: string;
  description: string | null;
  created: string | null;
  domainId: string | null;
  classificationType: string | null;
  tags: Omit<ViewerTag, 'inBundle'>[];
  iterations: ViewerIteration[];
  /** Every tag name we know, workspace and iterations, to name regions whose tagName is absent. */
  tagNames: Map<string, string>;
  /** Iteration ids in the folder, for reading their image lists. */
  iterationIds: string[];
}

/** The engine names model files <platform>[.<flavor>].zip when both are plain words, else export-<n>.zip (bundle-paths.ts). */
const WORD = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

function modelFileName(platform: string, flavor: string | null, index: number): string {
  return WORD.test(platform) && (flavor === null || WORD.test(flavor)) ? `${platform}${flavor === null ? '' : `.${flavor}`}.zip` : `export-${index + 1}.zip`;
}

function scoreOf(record: Json | null, name: string): ViewerScore {
  return { name, precision: num(record, 'precision'), recall: num(record, 'recall'), averagePrecision: num(record, 'averagePrecision') };
}

function performanceOf(value: unknown): ViewerPerformance | null {
  const record = asObject(value);
  if (!record) return null;
  const { name: _name, ...overall } = scoreOf(record, '');
  const perTag = asArray(record.perTagPerformance).map((item) => {
    const tag = asObject(item);
    return scoreOf(tag, str(tag, 'name') ?? str(tag, 'id') ?? '');
  });
  return { ...overall, perTag };
}

function exportsOf(value: unknown, modelFiles: string[], folder: string): ViewerExport[] {
  return asArray(value).flatMap((item, index) => {
    const record = asObject(item);
    const platform = str(record, 'platform');
    if (!record || platform === null) return [];
    const flavor = str(record, 'flavor');
    const fileName = modelFileName(platform, flavor, index);
    const file = modelFiles.includes(fileName) ? `${folder}/models/${fileName}` : null;
    return [{ platform, flavor, status: str(record, 'status') ?? '', newerVersionAvailable: record.newerVersionAvailable === true, file }];
  });
}

function tagsOf(value: unknown): Omit<ViewerTag, 'inBundle'>[] {
  return asArray(value).flatMap((item) => {
    const tag = asObject(item);
    const id = str(tag, 'id');
    const name = str(tag, 'name');
    if (id === null || name === null) return [];
    return [{ id, name, type: str(tag, 'type') ?? 'Regular', description: str(tag, 'description'), imageCount: num(tag, 'imageCount') }];
  });
}

async function readIteration(reader: BundleReader, projectId: string, iterationId: string, tagNames: Map<string, string>): Promise<ViewerIteration> {
  const folder = `projects/${projectId}/iterations/${iterationId}`;
  const iteration = asObject(await reader.json(`${folder}/iteration.json`, projectId));
  for (const tag of tagsOf(await reader.json(`${folder}/tags.json`, projectId))) {
    if (!tagNames.has(tag.id)) tagNames.set(tag.id, tag.name);
  }
  const modelFiles = await reader.list(`${folder}/models`, 'files');
  return {
    id: iterationId,
    name: str(iteration, 'name') ?? iterationId,
    status: str(iteration, 'status') ?? '',
    publishName: str(iteration, 'publishName') || null,
    created: str(iteration, 'created'),
    trainedAt: str(iteration, 'trainedAt'),
    trainingType: str(iteration, 'trainingType'),
    performance: performanceOf(await reader.json(`${folder}/performance.json`, projectId)),
    exports: exportsOf(await reader.json(`${folder}/exports.json`, projectId), modelFiles, folder),
  };
}

export async function readProject(reader: BundleReader, projectId: string, manifestName: string | null): Promise<ProjectRead> {
  const project = asObject(await reader.json(`projects/${projectId}/project.json`, projectId));
  const settings = asObject(project?.settings);
  const tags = tagsOf(await reader.json(`projects/${projectId}/tags.json`, projectId));
  const tagNames = new Map(tags.map((tag) => [tag.id, tag.name]));
  const iterationIds = (await reader.list(`projects/${projectId}/iterations`, 'folders')).filter((id) => ID_PATTERN.test(id));
  const iterations: ViewerIteration[] = [];
  for (const iterationId of iterationIds) iterations.push(await readIteration(reader, projectId, iterationId, tagNames));
  // Newest first, as the Custom Vision portal lists them.
  iterations.sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''));
  return {
    id: projectId,
    name: str(project, 'name') ?? manifestName ?? projectId,
    description: str(project, 'description') || null,
    created: str(project, 'created'),
    domainId: str(settings, 'domainId'),
    classificationType: str(settings, 'classificationType'),
    tags,
    iterations,
    tagNames,
    iterationIds,
  };
}

/** account/domains.json → id → { name, type }, to say what kind of project each is. */
export async function readDomains(reader: BundleReader): Promise<Map<string, { name: string; type: string }>> {
  const domains = new Map<string, { name: string; type: string }>();
  for (const item of asArray(await reader.json('account/domains.json'))) {
    const domain = asObject(item);
    const id = str(domain, 'id');
    if (id !== null) domains.set(id, { name: str(domain, 'name') ?? id, type: str(domain, 'type') ?? '' });
  }
  return domains;
}
