/**
 * Service-level errors: the flat CustomVisionError body `{ code, message }` (the v3.3
 * spec's CustomVisionError). HTTP status follows the code prefix (BadRequest* 400,
 * NotFound* 404, Forbidden* 403, Conflict* 409), 404 observed for NotFoundIteration
 * (src-main/emulator/README.md, "Where each behaviour comes from"). Gateway errors (401,
 * 429, unknown route) have another shape and live in wire.ts.
 */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function badRequest(code: string, message: string): ApiError {
  return new ApiError(400, code, message);
}

/**
 * NotFound messages: "Invalid iteration" is the text observed for NotFoundIteration
 * (src-main/emulator/README.md, "Where each behaviour comes from"); the others follow the
 * same pattern (inferred).
 */
export const notFound = {
  project: (): ApiError => new ApiError(404, 'NotFoundProject', 'Invalid project'),
  iteration: (): ApiError => new ApiError(404, 'NotFoundIteration', 'Invalid iteration'),
  tag: (): ApiError => new ApiError(404, 'NotFoundTag', 'Invalid tag'),
  image: (): ApiError => new ApiError(404, 'NotFoundImage', 'Invalid image'),
  domain: (): ApiError => new ApiError(404, 'NotFoundDomain', 'Invalid domain'),
  performance: (): ApiError =>
    new ApiError(404, 'NotFoundIterationPerformance', 'Iteration performance not found: the iteration is not trained'),
};

export function alreadyPublished(publishName: string): ApiError {
  // Text observed for PublishIteration on a published iteration.
  return badRequest('BadRequestIterationIsPublished', `Iteration is already published as: ${publishName}`);
}
