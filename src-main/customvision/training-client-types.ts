/**
 * The Training API client's shape: its options and one method per operation the app needs
 * (every data kind of README.md's first table). Records are the wire types of
 * wire-types.ts, exactly as sent. Every method takes an optional last argument with
 * `signal`; paged lists are PagedList (iterate items, or `.pages()` for one array per API
 * call).
 */
import type { FileDownloadOptions } from './artifact-download';
import type { BlobDownload } from './body-stream';
import type { NormalizedEndpoint } from './endpoint';
import type { RequestLogEntry } from './http-client';
import type { PagedList } from './paging';
import type { RateLimiterOptions, RateLimiterRegistry } from './rate-limiter';
import type { RetryPolicy } from './retry';
import type { Clock } from './clock';
import type {
  Domain,
  ExportModel,
  Image,
  ImageOrderBy,
  ImagePerformance,
  Iteration,
  IterationPerformance,
  PredictionQueryToken,
  Project,
  ProjectExport,
  StoredImagePrediction,
  Tag,
  TaggingStatus,
} from './wire-types';

export type ApiVersion = 'v3.3' | 'v3.4-preview';

export interface TrainingClientOptions {
  /** As pasted by the user; normalised with normalizeEndpoint (throws BAD_ENDPOINT). */
  endpoint: string;
  key: string;
  apiVersion?: ApiVersion;
  /** Calls per second for this endpoint (shared with every other client of it). Default 10. */
  rateLimit?: number | RateLimiterOptions;
  /** Per attempt. Default 30 000. */
  timeoutMs?: number;
  /** Largest JSON answer read, in bytes; more → RESPONSE_TOO_LARGE. Default 64 MiB (DEFAULT_MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
  /** Attempts per call for failures other than 429. Default 6. */
  maxAttempts?: number;
  /** Finer retry tuning (backoff bounds, 429 budget); maxAttempts wins over retry.maxAttempts. */
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  /** Called once per attempt (journals, receipts, statistics). */
  requestLog?: (entry: RequestLogEntry) => void;
  /** Defaults to the process-wide registry: one limiter per endpoint. */
  rateLimiters?: RateLimiterRegistry;
  clock?: Clock;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** Status and request id of a delete, for the deletion receipt. */
export interface DeleteResult {
  /** 204 = done; 202 = accepted, finishing in the background (DeleteImages with a flag). */
  status: number;
  requestId?: string;
}

export interface ImageListOptions extends CallOptions {
  /** Which iteration's copy of the images; default the workspace. */
  iterationId?: string;
  /** Default Oldest (not the service's Newest): new uploads then land after the walk. */
  orderBy?: ImageOrderBy;
  /** 1..256, default 256. */
  pageSize?: number;
}

export interface TaggedImageListOptions extends ImageListOptions {
  /** OR filter, at most 20. */
  tagIds?: readonly string[];
}

export interface AllImagesListOptions extends TaggedImageListOptions {
  taggingStatus?: TaggingStatus;
  /** Metadata filter (`$filter`), e.g. `metadata=key1 eq 'value1'`. */
  filter?: string;
}

export interface ImagePerformanceListOptions extends CallOptions {
  tagIds?: readonly string[];
  orderBy?: ImageOrderBy;
  pageSize?: number;
}

export interface DeleteImagesOptions extends CallOptions {
  /** At most maxIdsPerCall('DeleteImages', projectId, { allIterations }) (≤ 256). Either this or allImages. */
  imageIds?: readonly string[];
  allImages?: boolean;
  /** Also remove the images from every trained iteration (cleanup always sets it, so none keeps a copy). */
  allIterations?: boolean;
}

/** The calls that take a list of ids in one query parameter (DeletePrediction's is `ids`). */
export type IdBatchOperation = 'DeleteImages' | 'GetImagesByIds' | 'DeletePrediction';

/** The other query parameters of an id-batch call, as the call will send them; those a call does not send are ignored. */
export interface IdBatchOptions {
  /** GetImagesByIds. */
  iterationId?: string;
  /** DeleteImages. */
  allIterations?: boolean;
}

export interface TrainingClient {
  readonly endpoint: NormalizedEndpoint;
  readonly apiVersion: ApiVersion;
  getDomains(options?: CallOptions): Promise<Domain[]>;
  getProjects(options?: CallOptions): Promise<Project[]>;
  getProject(projectId: string, options?: CallOptions): Promise<Project>;
  deleteProject(projectId: string, options?: CallOptions): Promise<DeleteResult>;
  exportProject(projectId: string, options?: CallOptions): Promise<ProjectExport>;
  getIterations(projectId: string, options?: CallOptions): Promise<Iteration[]>;
  getIteration(projectId: string, iterationId: string, options?: CallOptions): Promise<Iteration>;
  deleteIteration(projectId: string, iterationId: string, options?: CallOptions): Promise<DeleteResult>;
  unpublishIteration(projectId: string, iterationId: string, options?: CallOptions): Promise<DeleteResult>;
  /** `threshold` is always sent: 0.5 (DEFAULT_PERFORMANCE_THRESHOLD) unless given. */
  getIterationPerformance(
    projectId: string,
    iterationId: string,
    options?: CallOptions & { threshold?: number; overlapThreshold?: number },
  ): Promise<IterationPerformance>;
  getImagePerformanceCount(projectId: string, iterationId: string, options?: CallOptions & { tagIds?: readonly string[] }): Promise<number>;
  getExports(projectId: string, iterationId: string, options?: CallOptions): Promise<ExportModel[]>;
  getTags(projectId: string, options?: CallOptions & { iterationId?: string }): Promise<Tag[]>;
  getTag(projectId: string, tagId: string, options?: CallOptions & { iterationId?: string }): Promise<Tag>;
  deleteTag(projectId: string, tagId: string, options?: CallOptions): Promise<DeleteResult>;
  getTaggedImageCount(projectId: string, options?: CallOptions & { iterationId?: string; tagIds?: readonly string[] }): Promise<number>;
  getUntaggedImageCount(projectId: string, options?: CallOptions & { iterationId?: string }): Promise<number>;
  getImageCount(
    projectId: string,
    options?: CallOptions & { iterationId?: string; taggingStatus?: TaggingStatus; tagIds?: readonly string[]; filter?: string },
  ): Promise<number>;
  /**
   * Fresh records (and fresh SAS URLs) for any number of images: asked in as many calls as
   * needed (each within 256 ids and the request-line budget; repeated ids asked once), the
   * answers concatenated. Not in request order — match by id.
   */
  getImagesByIds(projectId: string, imageIds: readonly string[], options?: CallOptions & { iterationId?: string }): Promise<Image[]>;
  /**
   * One call, never split. More ids than maxIdsPerCall('DeleteImages', …) allows (the
   * request line would be over MAX_REQUEST_LINE_BYTES) → INVALID_ARGUMENT, nothing sent.
   */
  deleteImages(projectId: string, options: DeleteImagesOptions): Promise<DeleteResult>;
  /** Stored prediction records, ≤ 64 ids per call (maxIdsPerCall('DeletePrediction', …)); never split. */
  deletePredictions(projectId: string, predictionIds: readonly string[], options?: CallOptions): Promise<DeleteResult>;
  /**
   * The largest number of ids one `operation` call on this project may carry: n ≤ the API's
   * limit (256 images, 64 predictions) such that the call's request line — with the other
   * query parameters it sends (`extra`) — fits MAX_REQUEST_LINE_BYTES. Size delete batches
   * with it. Throws INVALID_ARGUMENT for a malformed id.
   */
  maxIdsPerCall(operation: IdBatchOperation, projectId: string, extra?: IdBatchOptions): number;
  iterateImages(projectId: string, options?: AllImagesListOptions): PagedList<Image>;
  iterateTaggedImages(projectId: string, options?: TaggedImageListOptions): PagedList<Image>;
  iterateUntaggedImages(projectId: string, options?: ImageListOptions): PagedList<Image>;
  iterateImagePerformances(projectId: string, iterationId: string, options?: ImagePerformanceListOptions): PagedList<ImagePerformance>;
  /**
   * QueryPredictions with continuation paging; `query.maxCount` is the page size (service
   * default if absent). A size the service refuses (BadRequestPredictionResultsExceededCount)
   * is halved, down to 1, and kept for the rest of the walk.
   */
  iteratePredictions(projectId: string, query?: PredictionQueryToken, options?: CallOptions): PagedList<StoredImagePrediction>;
  /**
   * GetArtifact: a file of a resource behind a virtual network, by the relative path the
   * API gave for it. An API call (key, rate limiter, retries until the body starts); the
   * body is streamed, like downloadBlob's.
   */
  downloadArtifact(projectId: string, path: string, options?: FileDownloadOptions): Promise<BlobDownload>;
  /**
   * Any file link the API gave (image, prediction, model export): an absolute https URL
   * (http only on loopback) is fetched from storage without the key (downloadBlob), a
   * relative path with GetArtifact. Errors on the stream are CustomVisionErrors.
   */
  download(projectId: string, uri: string, options?: FileDownloadOptions): Promise<BlobDownload>;
}
