/**
 * What the bench's processes tell each other over the fork() IPC channel. The training
 * key travels only here and in a child's environment: never in arguments or output.
 */

/** What the emulator child starts (sent by the parent). */
export interface EmulatorRequest {
  type: 'start';
  account: 'time' | 'memory';
  images: number;
  /** Emulator API rate limit, calls/s (0 = none). */
  tps: number;
  /** Added by the emulator to every API response. */
  latencyMs: number;
  /** Added by the bench's proxy before each blob response (the emulator delays API calls only). */
  blobLatencyMs: number;
  /** Size the bandwidth cap so the account's blob bytes take this long; 0 = no cap. */
  bandwidthSeconds: number;
}

export interface IterationShape {
  id: string;
  trained: boolean;
  /** Images in the iteration, by what GetTaggedImages / GetUntaggedImages return for it. */
  tagged: number;
  untagged: number;
  /** GetImagePerformances records (one per image of a trained iteration). */
  performances: number;
  /** Finished model exports (downloadable). */
  exportsDone: number;
}

export interface ProjectShape {
  id: string;
  name: string;
  /** Workspace images (tagged + untagged): one GetImages walk. */
  workspace: number;
  /** Images found only in iterations (deleted from the workspace after training). */
  onlyInIterations: number;
  iterations: IterationShape[];
  predictions: number;
}

export interface AccountShape {
  projects: ProjectShape[];
  /** Image files a complete export saves (workspace + only in iterations). */
  imageFiles: number;
  /**
   * Blob bytes a complete export downloads once each (images, prediction images, models),
   * computed by generating them; undefined when no bandwidth cap needed it.
   */
  blobBytes: number | undefined;
}

export interface EmulatorReady {
  type: 'ready';
  /** What clients use (the latency proxy when blob latency is on). */
  endpoint: string;
  /** The emulator itself (control endpoints /__emulator/*). */
  emulatorEndpoint: string;
  key: string;
  shape: AccountShape;
  bandwidthKbps: number;
  startupMs: number;
}

export interface EmulatorUsage {
  type: 'usage';
  cpuMs: number;
}

/** What the emulator holds now (answer to `remaining`): checked after a deletion, apart from the client's proof. */
export interface EmulatorRemaining {
  type: 'remaining';
  /** Workspace images over all projects. */
  workspaceImages: number;
  /** Image copies kept by iteration snapshots over all projects and iterations. */
  iterationImages: number;
  projects: number;
}

/** What an export child reports when it is done. */
export interface ExportResult {
  type: 'result';
  /** From the first API call to runExport's return (process start excluded). */
  elapsedMs: number;
  /** Largest process.memoryUsage().rss seen by the sampler. */
  sampledPeakRssBytes: number;
  /** VmHWM from /proc/self/status (the kernel's own peak), when available. */
  vmHwmBytes: number | undefined;
  /** Largest RSS in each second of the run, MB (10^6 bytes). */
  rssMbPerSecond: number[];
  /** process.memoryUsage() of the main thread at the sampled RSS peak (the export runs in a worker). */
  atPeak: { heapUsedBytes: number; heapTotalBytes: number; externalBytes: number; arrayBuffersBytes: number };
  /** v8 heap_size_limit of the main thread (node's default unless flags change it). */
  heapLimitBytes: number;
  worker: {
    /** Old-generation cap of each export worker started: more than one = restarted after running out of heap. */
    heapCapsMb: number[];
    /** The worker's own heap at the sampled RSS peak (its latest 50 ms sample). */
    atPeak: { heapUsedBytes: number; heapTotalBytes: number; externalBytes: number; arrayBuffersBytes: number; heapLimitBytes: number } | undefined;
  };
  summary: string;
  status: string;
  problems: number;
  files: number;
  timeline: ExportTimeline;
}

export interface ExportTimeline {
  /** Wall time the API was busy (calls and rate-limiter waits, overlaps merged), ms. */
  apiBusyMs: number;
  limiterWaitMs: number;
  apiCalls: number;
  /** First and last finished image file, ms after the start. */
  imagesFirstMs: number | undefined;
  imagesLastMs: number | undefined;
  /** Image files finished in each second of the export (where downloads stalled). */
  imagesPerSecond: number[];
}

/** What the SDK baseline child reports. */
export interface BaselineResult {
  type: 'result';
  elapsedMs: number;
  images: number;
  bytes: number;
  listCalls: number;
}

/** The delete child has its plan (not timed) and waits for `go` while the parent sets up the network model. */
export interface DeletePlanned {
  type: 'planned';
  planMs: number;
  images: number;
  imagesOnlyInIterations: number;
  steps: number;
  deleteImagesSteps: number;
  /** Ids per DeleteImages call the client allows (the API's 256, fewer so the request line stays within 8 KB). */
  idsPerDeleteCall: number;
}

/** One API attempt of the timed run, from the client's request log (ms after the run started). */
export interface DeleteCall {
  operation: string;
  /** When the client asked its rate limiter for a turn. */
  askedMs: number;
  /** When the request was sent (after the limiter's wait). */
  sentMs: number;
  endMs: number;
  status: number | undefined;
  attempt: number;
}

/** What the delete child reports once runCleanup returned. */
export interface DeleteRunResult {
  type: 'result';
  /** runCleanup from call to return: gate, deletes, 202 polling, proof, receipt. */
  elapsedMs: number;
  planImages: number;
  deleteImagesSteps: number;
  calls: DeleteCall[];
  /** When each image step's journal line was on disk (the executor advances its bar right after), ms after the start. */
  journaledMs: number[];
  complete: boolean;
  verifications: number;
  unverified: number;
  journaledCalls: number;
  failedCalls: number;
  /** Bytes of the journal and the receipt files the run wrote. */
  journalBytes: number;
  receiptBytes: number;
}

export interface ChildFailure {
  type: 'error';
  message: string;
}
