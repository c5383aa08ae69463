/** Domains, projects, ExportProject and GetArtifact. */
import { createHash } from 'node:crypto';
import { resolveBlob } from '../blob-store';
import { ApiError, badRequest, notFound } from '../errors';
import { newUuid } from '../ids';
import { hasQuirk, OVERSIZE_BLOB_BYTES } from '../quirks';
import type { Route } from '../router';
import { DOMAINS, findDomain, isObjectDetection } from '../state/domains';
import { projectHoldings } from '../state/removal';
import { isPublished } from '../state/training';
import type { Classifier } from '../state/types';
import { binaryReply, emptyReply, jsonReply, paddedReply } from '../wire';
import { enumQuery, projectOf, query, uuidValue } from './params';
import { renderProject } from './render';

/** Projects per resource on S0 (Microsoft's limits and quotas page). */
const MAX_PROJECTS = 100;
const EXPORT_PLATFORMS = ['CoreML', 'TensorFlow', 'DockerFile', 'ONNX', 'VAIDK', 'OpenVino'] as const;

function renderDomain(domain: (typeof DOMAINS)[number]): Record<string, unknown> {
  return { id: domain.id, name: domain.name, type: domain.type, exportable: domain.exportable, enabled: domain.enabled };
}

export const projectRoutes: Route[] = [
  { method: 'GET', path: 'domains', operationId: 'GetDomains', handle: () => jsonReply(DOMAINS.map(renderDomain)) },
  {
    method: 'GET',
    path: 'domains/{domainId}',
    operationId: 'GetDomain',
    handle: (ctx) => {
      const domain = findDomain(uuidValue(ctx.params.domainId ?? ''));
      if (!domain) throw notFound.domain();
      return jsonReply(renderDomain(domain));
    },
  },
  {
    method: 'GET',
    path: 'projects',
    operationId: 'GetProjects',
    handle: (ctx) => jsonReply([...ctx.core.state.projects.values()].map((project) => renderProject(ctx, project))),
  },
  {
    method: 'POST',
    path: 'projects',
    operationId: 'CreateProject',
    handle: (ctx) => {
      const state = ctx.core.state;
      const name = query(ctx, 'name');
      if (name === undefined || name.trim() === '') throw badRequest('BadRequestProjectName', 'Project name is required.');
      if ([...state.projects.values()].some((p) => p.name === name)) {
        throw badRequest('BadRequestProjectNameNotUnique', `A project named '${name}' already exists.`);
      }
      if (state.projects.size >= MAX_PROJECTS) throw badRequest('BadRequestExceedProjectLimit', `Project limit of ${MAX_PROJECTS} reached.`);
      const domainText = query(ctx, 'domainId');
      const domainId = domainText === undefined ? undefined : uuidValue(domainText);
      if (domainId !== undefined && !findDomain(domainId)) throw badRequest('BadRequestProjectUnknownDomain', 'Unknown domain.');
      const classifier = enumQuery<Classifier>(ctx, 'classificationType', ['Multiclass', 'Multilabel']);
      const platforms = (query(ctx, 'targetExportPlatforms') ?? '')
        .split(',')
        .filter((p) => p !== '')
        .map((p) => {
          const found = EXPORT_PLATFORMS.find((known) => known.toLowerCase() === p.trim().toLowerCase());
          if (!found) throw badRequest('BadRequestProjectUnsupportedExportPlatform', `Unsupported export platform '${p}'.`);
          return found;
        });
      const detection = isObjectDetection(domainId ?? null);
      const project = state.createProject({
        id: newUuid(),
        name,
        description: query(ctx, 'description') ?? null,
        ...(domainId === undefined ? {} : { domainId }),
        classificationType: detection ? null : (classifier ?? 'Multiclass'),
        targetExportPlatforms: platforms,
      });
      return jsonReply(renderProject(ctx, project));
    },
  },
  { method: 'GET', path: 'projects/{projectId}', operationId: 'GetProject', handle: (ctx) => jsonReply(renderProject(ctx, projectOf(ctx))) },
  {
    method: 'DELETE',
    path: 'projects/{projectId}',
    operationId: 'DeleteProject',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const published = [...project.iterations.values()].find(isPublished);
      if (published) {
        // Not observed; Microsoft's own SDK tests always unpublish first.
        throw badRequest('BadRequestIterationIsPublished', `Iteration is already published as: ${published.publishName ?? ''}`);
      }
      const held = projectHoldings(project);
      ctx.core.state.projects.delete(project.id);
      ctx.core.deletions.record({ operation: 'DeleteProject', projectId: project.id, kind: 'project', ids: [project.id], held });
      return emptyReply();
    },
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/export',
    operationId: 'ExportProject',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const images = project.images.all();
      const regionCount = images.reduce((sum, image) => sum + image.regions.length, 0);
      const token = createHash('sha256').update(`${project.id}|${ctx.core.state.now()}`).digest('base64');
      return jsonReply({
        iterationCount: project.iterations.size,
        imageCount: images.length,
        tagCount: project.tags.size,
        regionCount,
        estimatedImportTimeInMS: 1000 + images.length * 20,
        token,
      });
    },
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/artifacts',
    operationId: 'GetArtifact',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const path = query(ctx, 'path');
      if (path === undefined) throw badRequest('BadRequestRequiredParamIsNull', 'path is required.');
      // Relative paths are `{container}/{blob}` (the v3.3 spec's GetArtifact example).
      const blob = resolveBlob(ctx.core, `/${path.replace(/^\/+/, '')}`);
      const belongs = path.includes(project.id) || path.includes(project.id.replaceAll('-', ''));
      if (!blob || !belongs) throw new ApiError(400, 'BadRequestInvalidArtifactUri', 'Invalid artifact path.');
      // Streamed and counted like a blob download (the only way to the bytes behind a VNET).
      const reply = { ...binaryReply(blob.bytes(), 'application/octet-stream'), blobOwner: blob.owner };
      return hasQuirk(ctx.core.config, 'oversize-blobs') ? paddedReply(reply, OVERSIZE_BLOB_BYTES, 0) : reply;
    },
  },
];
