/**
 * Main's inventory service as the renderer sees it, for the store tests: `inventory:scan`
 * starts a job that appears in main's job list, and `inventory:updated` pushes snapshots to
 * whoever subscribed, each also becoming what `inventory:get` answers (as main keeps the
 * latest snapshot of the active account).
 */
import type { RequestOf } from '../../../shared/ipc/contract';
import {
  INVENTORY_CATEGORIES,
  InventorySnapshotSchema,
  type CategoryRow,
  type InventoryCategory,
  type InventorySnapshot,
} from '../../../shared/model/inventory';
import { JobSnapshotSchema, type JobSnapshot } from '../../../shared/model/job';
import { ok, type FakeHandlersFor, type FakeListener } from './fake-channels';

type SnapshotListener = FakeListener<'inventory:updated'>;
type ScanRequest = RequestOf<'inventory:scan'>;

/** A valid snapshot (checked against main's schema): every row as given, the rest waiting. */
export function scanSnapshot(
  options: {
    accountId?: string;
    state?: InventorySnapshot['state'];
    rows?: Partial<Record<InventoryCategory, Partial<CategoryRow>>>;
    projects?: InventorySnapshot['projects'];
  } = {},
): InventorySnapshot {
  return InventorySnapshotSchema.parse({
    accountId: options.accountId ?? 'acc-1',
    state: options.state ?? 'scanning',
    startedAt: '2025-01-01T09:00:00.000Z',
    ...(options.state === 'scanning' || options.state === undefined ? {} : { finishedAt: '2025-01-01T09:01:00.000Z' }),
    account: { displayName: 'contoso-vision', endpointHost: 'contoso.example', resourceName: 'contoso', region: null, keyFingerprint: '1a2b3c4d', quotas: [] },
    categories: INVENTORY_CATEGORIES.map((category) => ({
      category,
      count: null,
      bytesEstimate: null,
      done: 0,
      total: null,
      state: 'waiting',
      problems: [],
      ...options.rows?.[category],
    })),
    projects: options.projects ?? [],
  });
}

export class FakeInventory {
  /** Every scan request main received, exactly as sent. */
  readonly scanRequests: ScanRequest[] = [];
  readonly updatedListeners = new Set<SnapshotListener>();
  private sequence = 0;

  constructor(
    private readonly addJob: (job: JobSnapshot) => void,
    /** Main keeps the latest snapshot: `inventory:get` answers it. */
    private readonly keep: (snapshot: InventorySnapshot) => void,
  ) {}

  /** `inventory:updated`, as main sends it while a scan runs. */
  emitUpdated(snapshot: InventorySnapshot): void {
    this.keep(snapshot);
    for (const listener of [...this.updatedListeners]) listener(snapshot);
  }

  /** `inventory:get` is FakeBundles' (the export page reads the same snapshot). */
  handlers(): FakeHandlersFor<'inventory:scan'> {
    return {
      'inventory:scan': {
        describe: (request) => JSON.stringify(request),
        answer: (request) => {
          this.scanRequests.push(structuredClone(request));
          return ok(this.startJob());
        },
      },
    };
  }

  private startJob(): { jobId: string } {
    this.sequence += 1;
    const jobId = `inventory-${this.sequence}`;
    this.addJob(
      JobSnapshotSchema.parse({
        id: jobId,
        kind: 'inventory',
        title: 'Inventory of contoso-vision',
        state: 'queued',
        categories: [],
        createdAt: `2025-01-01T10:00:0${this.sequence}.000Z`,
      }),
    );
    return { jobId };
  }
}
