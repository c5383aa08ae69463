/**
 * The Custom Vision Training API client's public API; other main-process modules import
 * from here only. It shares nothing with src-main/emulator (DESIGN §6).
 */
export { normalizeEndpoint, type EndpointKind, type NormalizedEndpoint } from './endpoint';
export {
  createTrainingClient,
  type ApiVersion,
  type AllImagesListOptions,
  type CallOptions,
  type DeleteImagesOptions,
  type DeleteResult,
  type ImageListOptions,
  type ImagePerformanceListOptions,
  type TaggedImageListOptions,
  type TrainingClient,
  type TrainingClientOptions,
} from './training-client';
export type { PagedList, PagingStats } from './paging';
export type { RequestLogEntry } from './http-client';
export { DEFAULT_TIMEOUT_MS } from './http-client';
export {
  CustomVisionError,
  isCustomVisionError,
  type CustomVisionErrorCode,
  type CustomVisionErrorKind,
} from './errors';
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
export { parseApiDate, parseApiDateMs } from './api-date';
export { MAX_IMAGE_IDS, MAX_PAGE_SIZE, MAX_PREDICTION_IDS, MAX_TAG_IDS } from './arguments';
export type * from './wire-types';
