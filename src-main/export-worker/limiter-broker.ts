/**
 * The parent's half of the worker's rate limiting: grants come from this process's
 * limiter for the endpoint (shared with every other client of it, e.g. an inventory scan
 * running at the same time), and outcomes go back to it.
 */
import type { RateLimiter } from '../customvision';
import type { ParentMessage, WorkerMessage } from './protocol';

export class LimiterBroker {
  private readonly waiting = new Map<number, AbortController>();

  constructor(
    private readonly limiter: RateLimiter,
    private readonly reply: (message: ParentMessage) => void,
  ) {}

  /** A message from the worker; true when it was the limiter's. */
  handle(message: WorkerMessage): boolean {
    switch (message.type) {
      case 'limiter-acquire': {
        const controller = new AbortController();
        this.waiting.set(message.id, controller);
        this.limiter.acquire(controller.signal).then(
          (ticket) => {
            this.waiting.delete(message.id);
            this.reply({ type: 'limiter-granted', id: message.id, grantedAt: ticket.grantedAt });
          },
          () => this.waiting.delete(message.id),
        );
        return true;
      }
      case 'limiter-cancel':
        this.waiting.get(message.id)?.abort();
        return true;
      case 'limiter-success':
        this.limiter.onSuccess({ grantedAt: message.grantedAt });
        return true;
      case 'limiter-throttled':
        this.limiter.onThrottled({ grantedAt: message.grantedAt }, message.retryAfterMs);
        return true;
      default:
        return false;
    }
  }

  /** The worker is gone: its queued turns must not hold up anyone else's. */
  close(): void {
    for (const controller of this.waiting.values()) controller.abort();
    this.waiting.clear();
  }
}
