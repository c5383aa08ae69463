/** What every operation handler can reach: the account, timers, live config, URL signer, deletion log. */
import type { BlobCache } from './blob-store';
import type { RuntimeConfig } from './options';
import type { Prng } from './prng';
import type { Scheduler } from './scheduler';
import type { SasSigner } from './sas';
import type { AccountState } from './state/account';
import type { DeletionLog } from './state/deletions';
import type { PredictionSessions } from './state/prediction-sessions';

export interface EmulatorCore {
  readonly state: AccountState;
  readonly scheduler: Scheduler;
  readonly sas: SasSigner;
  /** Live: configure() edits this object in place. */
  readonly config: RuntimeConfig;
  readonly predictionSessions: PredictionSessions;
  readonly blobCache: BlobCache;
  /** The `ties` quirk's own PRNG stream (seeded from the fault seed): orders equal `created`. */
  readonly tieOrder: Prng;
  /** Every effective deletion, in order (GET /__emulator/deletions). */
  readonly deletions: DeletionLog;
}

export type ApiVersion = 'v3.3' | 'v3.4-preview';

export interface ApiContext {
  readonly core: EmulatorCore;
  readonly apiVersion: ApiVersion;
  /** Path parameters as written in the URL (not yet validated). */
  readonly params: Readonly<Record<string, string>>;
  /** Query parameters by lower-cased name (ASP.NET binds names case-insensitively). */
  readonly query: ReadonlyMap<string, string>;
  readonly body: Buffer;
  readonly contentType: string;
}
