/** Counters served at GET /__emulator/stats, so tests can see what a client really did. */

export interface EmulatorStats {
  /** Every request that matched an operation, by operationId (including 401/429/faulted ones). */
  requests: Record<string, number>;
  /** 401s sent for a missing or wrong Training-Key. */
  unauthorized: number;
  /** 429s sent by the rate limiter. */
  rateLimited: number;
  /** Faults injected, by kind; `latency` counts delayed responses. */
  faults: { latency: number; fail: number; reset: number; truncate: number };
  /**
   * Blob downloads (200/206 started) and bytes written, by owner: the image or prediction
   * id for originals, `<id>/thumbnail` for thumbnails, `<iterationId>/<platform>` for exports.
   */
  blobDownloads: Record<string, { count: number; bytes: number }>;
  /** Blob body bytes actually written. */
  blobBytes: number;
  /** Blob requests refused (403 expired/tampered SAS or firewall quirk, 404). */
  blobRejected: number;
  /** API calls refused 403 by the network-rules quirk (before the key check). */
  trafficDenied: number;
  /**
   * Body bytes actually written for padded answers (huge-json, oversize-blobs), real part
   * included: far below the announced size when a client stopped reading early.
   */
  paddedBytesSent: number;
  /** API calls answered the gateway's 404 because their operation is in gateway404Operations. */
  gateway404: number;
  /** Requests refused for an over-long request line (url-limit, url-limit-414 quirks). */
  requestLineRefused: number;
  /**
   * The longest request line received (`METHOD SP target SP HTTP/1.1`, bytes, no CRLF),
   * blob and /__emulator routes excluded: a client's longest API request line.
   */
  maxRequestLineBytes: number;
}

export class StatsCollector {
  private data: EmulatorStats = StatsCollector.empty();

  static empty(): EmulatorStats {
    return {
      requests: {},
      unauthorized: 0,
      rateLimited: 0,
      faults: { latency: 0, fail: 0, reset: 0, truncate: 0 },
      blobDownloads: {},
      blobBytes: 0,
      blobRejected: 0,
      trafficDenied: 0,
      paddedBytesSent: 0,
      gateway404: 0,
      requestLineRefused: 0,
      maxRequestLineBytes: 0,
    };
  }

  request(operationId: string): void {
    this.data.requests[operationId] = (this.data.requests[operationId] ?? 0) + 1;
  }

  unauthorized(): void {
    this.data.unauthorized += 1;
  }

  rateLimited(): void {
    this.data.rateLimited += 1;
  }

  fault(kind: keyof EmulatorStats['faults']): void {
    this.data.faults[kind] += 1;
  }

  blobStarted(owner: string): void {
    const entry = (this.data.blobDownloads[owner] ??= { count: 0, bytes: 0 });
    entry.count += 1;
  }

  blobBytes(owner: string, bytes: number): void {
    const entry = (this.data.blobDownloads[owner] ??= { count: 0, bytes: 0 });
    entry.bytes += bytes;
    this.data.blobBytes += bytes;
  }

  blobRejected(): void {
    this.data.blobRejected += 1;
  }

  trafficDenied(): void {
    this.data.trafficDenied += 1;
  }

  paddedBytes(bytes: number): void {
    this.data.paddedBytesSent += bytes;
  }

  gateway404(): void {
    this.data.gateway404 += 1;
  }

  requestLine(bytes: number): void {
    this.data.maxRequestLineBytes = Math.max(this.data.maxRequestLineBytes, bytes);
  }

  requestLineRefused(): void {
    this.data.requestLineRefused += 1;
  }

  snapshot(): EmulatorStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = StatsCollector.empty();
  }
}
