/**
 * deleteElsewhere(): images (and stored predictions) deleted by another client — say in
 * the Custom Vision portal — between a cleanup's planning and its run. It is not a call of
 * the client under test, so it is never counted, rate-limited or faulted; the deletion log
 * records it as operation 'elsewhere'. Ids that do not exist are skipped.
 */
import { z } from 'zod';
import type { EmulatorCore } from './core';
import { parseUuid } from './ids';
import { removeImages, removePredictions } from './state/removal';

export interface DeleteElsewhereOptions {
  /** Also remove the images from every iteration's snapshot, as DeleteImages' `allIterations`. */
  allIterations?: boolean;
  /** Stored predictions deleted at the same time. */
  predictionIds?: string[];
}

/** The ids that existed and were removed. */
export interface ElsewhereResult {
  imageIds: string[];
  predictionIds: string[];
}

/** Body of POST /__emulator/delete-elsewhere. */
export const elsewhereRequestSchema = z
  .object({
    projectId: z.string(),
    imageIds: z.array(z.string()).default([]),
    allIterations: z.boolean().default(false),
    predictionIds: z.array(z.string()).default([]),
  })
  .strict();

/** A bad request to deleteElsewhere(): the status the control endpoint answers with it. */
export class ElsewhereError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'ElsewhereError';
  }
}

function guid(text: string, field: string): string {
  const id = parseUuid(text);
  if (!id) throw new ElsewhereError(400, `deleteElsewhere: ${field} holds "${text.slice(0, 40)}", not a GUID`);
  return id;
}

export function deleteElsewhere(core: EmulatorCore, projectId: string, imageIds: readonly string[], options: DeleteElsewhereOptions = {}): ElsewhereResult {
  // Every id is checked before anything is removed: a typo deletes nothing.
  const project = core.state.projects.get(guid(projectId, 'projectId'));
  if (!project) throw new ElsewhereError(404, `deleteElsewhere: no project ${projectId.slice(0, 40)}`);
  const images = imageIds.map((id) => guid(id, 'imageIds'));
  const predictions = (options.predictionIds ?? []).map((id) => guid(id, 'predictionIds'));
  const result: ElsewhereResult = {
    imageIds: removeImages(project, images, options.allIterations ?? false),
    predictionIds: removePredictions(project, predictions),
  };
  core.deletions.record({ operation: 'elsewhere', projectId: project.id, kind: 'images', ids: result.imageIds });
  core.deletions.record({ operation: 'elsewhere', projectId: project.id, kind: 'predictions', ids: result.predictionIds });
  return result;
}
