/**
 * The worker's rate limiter asks the parent for every call. Azure counts calls per
 * resource, and every client of one endpoint in this process shares one limiter (see
 * customvision/rate-limiter.ts): an export in a worker must not get a second, private
 * 10 calls/s next to an inventory scan of the same account in the main thread.
 */
import { RateLimiter, RateLimiterRegistry, type RateLimitTicket } from '../customvision';
import type { ParentMessage, WorkerMessage } from './protocol';

interface Pending {
  resolve: (ticket: RateLimitTicket) => void;
  reject: (reason: unknown) => void;
  cleanup: () => void;
}

/**
 * Subclassed only so the client accepts it; none of the base class's own state is used.
 * A ticket is only its grant time, so the outcome goes back as that time.
 */
export class ParentRateLimiter extends RateLimiter {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly send: (message: WorkerMessage) => void) {
    super();
  }

  override acquire(signal?: AbortSignal): Promise<RateLimitTicket> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = this.nextId++;
    return new Promise<RateLimitTicket>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        this.send({ type: 'limiter-cancel', id });
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, { resolve, reject, cleanup: () => signal?.removeEventListener('abort', onAbort) });
      this.send({ type: 'limiter-acquire', id });
    });
  }

  override onSuccess(ticket: RateLimitTicket): void {
    this.send({ type: 'limiter-success', grantedAt: ticket.grantedAt });
  }

  override onThrottled(ticket: RateLimitTicket, retryAfterMs?: number): void {
    this.send({ type: 'limiter-throttled', grantedAt: ticket.grantedAt, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }

  /** A message from the parent; true when it was the limiter's. */
  handle(message: ParentMessage): boolean {
    if (message.type !== 'limiter-granted') return false;
    const waiter = this.pending.get(message.id);
    if (!waiter) return true;
    this.pending.delete(message.id);
    waiter.cleanup();
    waiter.resolve({ grantedAt: message.grantedAt });
    return true;
  }
}

/** A registry whose every endpoint is the parent's limiter. */
export class ParentRateLimiters extends RateLimiterRegistry {
  constructor(private readonly limiter: ParentRateLimiter) {
    super();
  }

  override forEndpoint(): RateLimiter {
    return this.limiter;
  }
}
