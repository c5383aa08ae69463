/**
 * One bundle, one resource: which Custom Vision resource an existing bundle was exported
 * from, and whether the account being exported now is that same resource. A second run
 * into a bundle continues it; a run of another resource must never mix its projects into
 * it (the manifest would name one source for the data of two).
 *
 * What identifies a resource:
 * - a `<name>.cognitiveservices.azure.*` endpoint names exactly one resource, so equal
 *   hosts are the same resource and different ones are not;
 * - a regional endpoint (`<region>.api.cognitive.microsoft.com`) is shared by every
 *   resource of that region, and the emulator's loopback address changes port from run to
 *   run; there the projects decide: project ids are GUIDs that belong to one resource, so
 *   a bundle whose projects are (some of them) in this account is this account's.
 * The training key is never compared: a resource has two (Key 1, Key 2) and people rotate
 * them, and a bundle exported with the other key is still the same account's.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors/app-error';
import { MANIFEST_PATH, accountPaths } from './bundle-paths';
import { readManifestHead } from './manifest-head';

export interface ResourceIdentity {
  endpointHost: string;
  /** Set for `<name>.cognitiveservices.azure.*` endpoints. */
  resourceName?: string;
  /** The name the person gave the account, when known (for messages only). */
  displayName?: string;
}

export interface BundleSource extends ResourceIdentity {
  /** Projects the bundle holds (lower case). */
  projectIds: string[];
}

/** The source recorded in the bundle at `folder`, or undefined when there is no earlier bundle there. */
export async function readBundleSource(folder: string): Promise<BundleSource | undefined> {
  const account = await readAccountRecord(folder);
  let head: Record<string, unknown> | undefined;
  try {
    head = await readManifestHead(join(folder, MANIFEST_PATH));
  } catch {
    // An unreadable manifest: the account record (written first by every run) still tells.
    head = undefined;
  }
  const source = record(head?.source);
  const endpointHost = text(source?.endpointHost) ?? account?.endpointHost;
  if (endpointHost === undefined) return undefined;
  const resourceName = text(source?.resourceName) ?? account?.resourceName;
  const projects = Array.isArray(head?.projects) ? head.projects : [];
  const projectIds = projects.map((project) => text(record(project)?.id)?.toLowerCase()).filter((id): id is string => id !== undefined);
  return {
    endpointHost,
    ...(resourceName === undefined ? {} : { resourceName }),
    ...(account?.displayName === undefined ? {} : { displayName: account.displayName }),
    projectIds,
  };
}

export function isSameResource(bundle: BundleSource, current: ResourceIdentity, currentProjectIds: ReadonlySet<string>): boolean {
  const bundleHost = bundle.endpointHost.toLowerCase();
  const currentHost = current.endpointHost.toLowerCase();
  if (bundle.resourceName !== undefined && current.resourceName !== undefined) return bundleHost === currentHost;
  if (bundle.projectIds.length > 0) return bundle.projectIds.some((id) => currentProjectIds.has(id));
  return withoutLoopbackPort(bundleHost) === withoutLoopbackPort(currentHost);
}

/** Refuses, before anything is written, to export `current` into a bundle of another resource. */
export function refuseOtherResource(folder: string, bundle: BundleSource, current: ResourceIdentity, currentProjectIds: ReadonlySet<string>): void {
  if (isSameResource(bundle, current, currentProjectIds)) return;
  const was = describe(bundle);
  const now = describe(current);
  throw new AppError(
    'BUNDLE_OF_OTHER_RESOURCE',
    `${folder} holds a bundle exported from ${was}, but this export is of ${now}. One bundle holds one Custom Vision resource, so nothing was written. ` +
      `Choose an empty folder for ${now}, or export ${was} into this folder to continue its bundle.`,
  );
}

function describe(identity: ResourceIdentity): string {
  const where = identity.resourceName ? `${identity.resourceName} (${identity.endpointHost})` : identity.endpointHost;
  // An account named after its endpoint (the CLI's default) needs no name in front.
  const named = identity.displayName !== undefined && identity.displayName !== identity.endpointHost && identity.displayName !== identity.resourceName;
  return named ? `“${identity.displayName}” at ${where}` : where;
}

function withoutLoopbackPort(host: string): string {
  const match = /^(127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/.exec(host);
  return match?.[1] ?? host;
}

async function readAccountRecord(folder: string): Promise<ResourceIdentity | undefined> {
  try {
    const value = record(JSON.parse(await readFile(join(folder, accountPaths.account), 'utf8')));
    const endpointHost = text(value?.endpointHost);
    if (endpointHost === undefined) return undefined;
    const resourceName = text(value?.resourceName);
    // Shown in messages (a terminal, the page): no control characters from a file anyone could edit.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
    const displayName = text(value?.displayName)?.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 80);
    return { endpointHost, ...(resourceName === undefined ? {} : { resourceName }), ...(displayName === undefined ? {} : { displayName }) };
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
