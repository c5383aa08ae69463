/**
 * What the commands use from the rest of src-main, behind one interface so unit tests can
 * pass fakes (no network, no keychain, no disk) while the real command uses the same
 * services as the app: the API client, the connection check (probeWithGetProjects), the
 * accounts settings file and keychain (read through the app's AccountsService, see
 * cli-account.ts), and the inventory, export and verify engines.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
// The module itself, not src-main/accounts/index.ts: that also exports the demo account,
// which would bundle the whole emulator into the command line.
import { probeWithGetProjects } from '../accounts/probe-account';
import { createTrainingClient, type TrainingClient } from '../customvision';
import { readManifest, verifyBundle } from '../export';
import { runExportInWorker, type ExportRunner } from '../export-worker';
import { scanInventory } from '../inventory';
import { KeytarSecretStore, type SecretStore } from '../secrets';
import { createAccountsSettings, createConfStore, DEFAULT_SETTINGS_NAME, type AccountsSettings } from '../settings';

export interface ClientRequest {
  /** Already checked with normalizeEndpoint. */
  endpoint: string;
  key: string;
  /** Calls per second for this endpoint (--rate). */
  ratePerSecond: number;
}

export interface CliServices {
  createClient(request: ClientRequest): TrainingClient;
  /**
   * One cheap call (GetProjects, two attempts) that proves endpoint and key before any
   * work starts or any folder is created, and fails fast when the host is unreachable.
   */
  probe(request: ClientRequest, signal?: AbortSignal): Promise<void>;
  /** The app's saved accounts in `dataDir`, or null when the app has no settings file there. */
  openAccounts(dataDir: string, onWarning: (message: string) => void): AccountsSettings | null;
  openKeychain(service: string): SecretStore;
  scanInventory: typeof scanInventory;
  /** The app's export job: runExport in a worker thread with a capped heap. */
  runExport: ExportRunner;
  verifyBundle: typeof verifyBundle;
  readManifest: typeof readManifest;
}

export function defaultServices(): CliServices {
  return {
    createClient: ({ endpoint, key, ratePerSecond }) => createTrainingClient({ endpoint, key, rateLimit: ratePerSecond }),
    // The app's own connection check, at the command's --rate.
    probe: ({ endpoint, key, ratePerSecond }, signal) => probeWithGetProjects(endpoint, key, signal, ratePerSecond),
    openAccounts(dataDir, onWarning) {
      // Checked first so that a mistyped CV_STEWARD_DATA_DIR does not leave an empty folder behind.
      if (!existsSync(path.join(dataDir, `${DEFAULT_SETTINGS_NAME}.json`))) return null;
      return createAccountsSettings(createConfStore({ cwd: dataDir, onWarning }), onWarning);
    },
    openKeychain: (service) => new KeytarSecretStore({ service }),
    scanInventory,
    runExport: runExportInWorker,
    verifyBundle,
    readManifest,
  };
}
