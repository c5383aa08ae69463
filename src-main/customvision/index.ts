/**
 * The Custom Vision Training API client (platform, docs/architecture.md, "Layers"): endpoints, rate
 * limiting, retries, paging, complete listings, downloads and the service's errors; see
 * src-main/customvision/README.md. May import only src-main/errors, shared/ and npm
 * packages. It shares nothing with src-main/emulator and never imports it
 * (docs/architecture.md, "The emulator and the client"). Other main-process modules import
 * from here only.
 */
export { normalizeEndpoint, AZURE_CLOUDS, type AzureCloud, type CloudName, type EndpointKind, type NormalizedEndpoint } from './endpoint';
export {
  createTrainingClient,
  DEFAULT_PERFORMANCE_THRESHOLD,
  type ApiVersion,
  type AllImagesListOptions,
  type CallOptions,
  type DeleteImagesOptions,
  type DeleteResult,
  type IdBatchOperation,
  type IdBatchOptions,
  type ImageListOptions,
  type ImagePerformanceListOptions,
  type TaggedImageListOptions,
  type TrainingClient,
  type TrainingClientOptions,
} from './training-client';
export type { PagedList, PagingStats } from './paging';
export type { RequestLogEntry } from './http-client';
export { DEFAULT_TIMEOUT_MS, DEFAULT_MAX_RESPONSE_BYTES } from './http-client';
export {
  CustomVisionError,
  isCustomVisionError,
  type CustomVisionErrorCode,
  type CustomVisionErrorKind,
} from './errors';
export { notFoundNames, type NotFoundServiceCode } from './not-found';
export { MAX_REQUEST_LINE_BYTES } from './request-line';
export { isRetryableError, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
export {
  RateLimiter,
  RateLimiterRegistry,
  sharedRateLimiters,
  DEFAULT_RATE_PER_SECOND,
  type RateLimiterOptions,
  type RateLimitTicket,
} from './rate-limiter';
export { systemClock, type Clock } from './clock';
export { downloadBlob, downloadBlobTo, sasExpiry, type BlobDownload, type BlobDownloadOptions, type BlobDownloadResult } from './blob-download';
export type { FileDownloadOptions } from './artifact-download';
export { fileLink, type FileLink } from './file-link';
export { FILE_CAPS, type FileCap, type FileKind } from './file-caps';
export { parseApiDate, parseApiDateMs } from './api-date';
export { MAX_IMAGE_IDS, MAX_PAGE_SIZE, MAX_PREDICTION_IDS, MAX_TAG_IDS } from './arguments';
export type * from './wire-types';
export { IdSet } from './id-set';
export { CompleteListing, type CompleteListingOptions, type ListingOutcome, type ListingWalk } from './complete-listing';
export {
  imagePerformanceListing,
  iterationImageListing,
  taggedWithListing,
  untaggedImageListing,
  workspaceImageListing,
  type ImageListingOptions,
} from './image-listings';
