/**
 * Fault decisions. Each kind draws from its own seeded stream on every request, so the
 * same seed and request order always give the same faults, and changing one rate does not
 * shift the others.
 */
import { createPrng, type Prng } from './prng';

export interface FaultRates {
  failRate: number;
  resetRate: number;
  truncateRate: number;
}

export interface FaultDecision {
  /** Answer 500 or 503 instead of running the operation (API calls only). */
  fail: 500 | 503 | undefined;
  /** Destroy the connection (RST) after `cutFraction` of the body. */
  reset: boolean;
  /** Announce the full Content-Length, send `cutFraction` of the body, then close. */
  truncate: boolean;
  /** Where the body is cut, in [0.25, 0.75). */
  cutFraction: number;
}

export class FaultInjector {
  private readonly fail: Prng;
  private readonly reset: Prng;
  private readonly truncate: Prng;
  private readonly detail: Prng;

  constructor(seed: number | string) {
    this.fail = createPrng(`${seed}|fail`);
    this.reset = createPrng(`${seed}|reset`);
    this.truncate = createPrng(`${seed}|truncate`);
    this.detail = createPrng(`${seed}|detail`);
  }

  decide(rates: FaultRates, kind: 'api' | 'blob'): FaultDecision {
    const failRoll = this.fail.next();
    const resetRoll = this.reset.next();
    const truncateRoll = this.truncate.next();
    const detailRoll = this.detail.next();
    const reset = resetRoll < rates.resetRate;
    const fail = kind === 'api' && !reset && failRoll < rates.failRate ? (detailRoll < 0.5 ? 500 : 503) : undefined;
    return {
      fail,
      reset,
      truncate: !reset && fail === undefined && truncateRoll < rates.truncateRate,
      cutFraction: 0.25 + detailRoll * 0.5,
    };
  }
}
