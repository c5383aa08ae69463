/** The bundle summary (source, time, status, counts, problems) from manifest.json and account.json. */
import { MainTextSchema } from '../../../shared/model/main-text';
import type { MainKey } from '../../i18n';
import { asArray, asObject, num, str, type BundleReader, type Json } from './bundle-reader';
import type { BundleStatus, ViewerCount, ViewerReconciliation, ViewerSummary } from './viewer-data';

/** What the manifest says about one project (it holds the API's counts and the reconciliation). */
export interface ManifestProject {
  name: string | null;
  counts: ViewerCount[];
  reconciliation: ViewerReconciliation[];
}

export interface SummaryRead {
  summary: ViewerSummary;
  /** Project ids in manifest order. */
  manifestProjects: Map<string, ManifestProject>;
}

function statusOf(manifest: Json | null): BundleStatus {
  const status = str(manifest, 'status');
  return status === 'complete' || status === 'partial' ? status : 'unknown';
}

function countsOf(value: unknown): ViewerCount[] {
  const counts = asObject(value);
  if (!counts) return [];
  return Object.keys(counts).flatMap((what) => {
    const value = num(counts, what);
    return value === null ? [] : [{ what, value }];
  });
}

function reconciliationOf(value: unknown): ViewerReconciliation[] {
  return asArray(value).flatMap((item) => {
    const entry = asObject(item);
    const what = str(entry, 'what');
    if (!entry || what === null) return [];
    return [{ what, api: num(entry, 'api'), exported: num(entry, 'exported'), ok: entry.ok === true }];
  });
}

function manifestProjectsOf(manifest: Json | null): Map<string, ManifestProject> {
  const projects = new Map<string, ManifestProject>();
  for (const item of asArray(manifest?.projects)) {
    const project = asObject(item);
    const id = str(project, 'id');
    if (id === null) continue;
    projects.set(id, { name: str(project, 'name'), counts: countsOf(project?.counts), reconciliation: reconciliationOf(project?.reconciliation) });
  }
  return projects;
}

export async function readSummary(reader: BundleReader): Promise<SummaryRead> {
  const manifestJson = await reader.manifestHead();
  const manifest = asObject(manifestJson);
  if (manifestJson !== undefined && str(manifest, 'format') !== 'cv-steward-bundle') {
    reader.problem(reader.t('problems.notOurManifest'));
  }
  const account = asObject(await reader.json('account/account.json'));
  const source = asObject(manifest?.source);
  const tool = asObject(manifest?.tool);
  const categoryCounts = asObject(manifest?.counts);
  const summary: ViewerSummary = {
    endpointHost: str(source, 'endpointHost') ?? str(account, 'endpointHost'),
    resourceName: str(source, 'resourceName') ?? str(account, 'resourceName'),
    region: str(account, 'region'),
    displayName: str(account, 'displayName'),
    keyFingerprint: str(source, 'keyFingerprint') ?? str(account, 'keyFingerprint'),
    apiVersion: str(account, 'apiVersion'),
    exportedAt: str(manifest, 'createdAt') ?? str(account, 'exportedAt'),
    updatedAt: str(manifest, 'updatedAt'),
    status: statusOf(manifest),
    hasManifest: manifest !== null,
    exportedWith: str(tool, 'version') === null ? null : `${str(tool, 'name') ?? 'CV Steward'} ${str(tool, 'version') ?? ''}`,
    categories: Object.keys(categoryCounts ?? {}).map((category) => {
      const entry = asObject(categoryCounts?.[category]);
      return { category, items: num(entry, 'items') ?? 0, bytes: num(entry, 'bytes') ?? 0 };
    }),
    problems: asArray(manifest?.problems).flatMap((item) => {
      const problem = asObject(item);
      const message = str(problem, 'message');
      return message === null ? [] : [{ category: str(problem, 'category') ?? 'export', projectId: str(problem, 'projectId'), message: engineProblemText(reader, problem, message) }];
    }),
  };
  return { summary, manifestProjects: manifestProjectsOf(manifest) };
}

/**
 * An export problem in the viewer's language: the code the engine stored beside its English
 * (manifest `problems[].text`, docs/bundle-format.md) when this catalogue knows it, else the
 * English message (older bundles, or a code from a newer version).
 */
function engineProblemText(reader: BundleReader, problem: Record<string, unknown> | null, message: string): string {
  const parsed = MainTextSchema.safeParse(problem?.text);
  if (!parsed.success) return message;
  const key = `engineProblems.${parsed.data.code}`;
  const said = reader.t(key as MainKey<'viewer'>, parsed.data.params ?? {});
  return said === key ? message : said;
}
