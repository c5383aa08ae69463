/**
 * How the inventory rows come out of per-project facts: totals, estimates, states,
 * problems and the merge a Retry relies on.
 */
import { describe, expect, it } from 'vitest';
import type { InventoryCategory, InventorySnapshot } from '../../../shared/model/inventory';
import {
  AVERAGE_MODEL_BYTES,
  InventoryBuilder,
  resolveScanScope,
  scanJobCategories,
  type ScanAccount,
} from '../../../src-main/inventory';

const ACCOUNT: ScanAccount = {
  accountId: 'acc-1',
  displayName: 'Contoso',
  endpointHost: 'contoso.cognitiveservices.azure.com',
  resourceName: 'contoso',
  keyFingerprint: '1a2b3c4d',
};
const P1 = { id: 'p1', name: 'Flowers', kind: 'Classification (multiclass)' };
const P2 = { id: 'p2', name: 'Parcels', kind: 'Object detection' };

const row = (snapshot: InventorySnapshot, category: InventoryCategory) => snapshot.categories.find((r) => r.category === category);

function scanned(): InventoryBuilder {
  const builder = new InventoryBuilder({ account: ACCOUNT, startedAt: '2025-01-01T10:00:00.000Z' });
  builder.setProjectList([P1, P2]);
  for (const category of ['projects', 'tags', 'models'] as const) builder.startRow(category, 2);
  builder.setCounts('p1', { tags: 4, models: 2 });
  builder.setCounts('p2', { tags: 3, models: 1 });
  for (const category of ['projects', 'tags', 'models'] as const) {
    builder.advanceRow(category);
    builder.advanceRow(category);
  }
  return builder;
}

describe('inventory rows', () => {
  it('start unknown: no count until the project list is in, the account row complete', () => {
    const snapshot = new InventoryBuilder({ account: ACCOUNT, startedAt: '2025-01-01T10:00:00.000Z' }).toSnapshot();
    expect(snapshot.state).toBe('scanning');
    expect(row(snapshot, 'account')).toMatchObject({ count: 1, state: 'done', done: 1, total: 1 });
    expect(row(snapshot, 'projects')).toMatchObject({ count: null, state: 'waiting', bytesEstimate: null });
    expect(snapshot.account).toMatchObject({ resourceName: 'contoso', region: null, keyFingerprint: '1a2b3c4d' });
  });

  it('total every project, with estimated sizes and how they were estimated', () => {
    const builder = scanned();
    builder.finish('completed', '2025-01-01T10:01:00.000Z');
    const snapshot = builder.toSnapshot();
    expect(snapshot.state).toBe('done');
    expect(row(snapshot, 'tags')).toMatchObject({ count: 7, state: 'done', done: 2, total: 2 });
    expect(row(snapshot, 'models')).toMatchObject({ count: 3, bytesEstimate: 3 * AVERAGE_MODEL_BYTES });
    expect(row(snapshot, 'models')?.bytesBasis).toMatch(/per exported model/);
    // Never scanned in this run: unknown, not zero.
    expect(row(snapshot, 'predictions')).toMatchObject({ count: null, state: 'waiting' });
  });

  it('count zero, not unknown, for an account without projects', () => {
    const builder = new InventoryBuilder({ account: ACCOUNT, startedAt: '2025-01-01T10:00:00.000Z' });
    builder.setProjectList([]);
    builder.startRow('images', 0);
    builder.finish('completed', '2025-01-01T10:00:01.000Z');
    expect(row(builder.toSnapshot(), 'images')).toMatchObject({ count: 0, bytesEstimate: 0, state: 'done' });
  });

  it('fail while they have problems, and the scan ends partial', () => {
    const builder = scanned();
    builder.addProblem({ category: 'tags', projectId: 'p2', code: 'NOT_FOUND', message: 'GetTags failed' });
    builder.addProblem({ category: 'tags', projectId: 'p2', code: 'TIMEOUT', message: 'a second failure of the same step' });
    builder.finish('completed', '2025-01-01T10:01:00.000Z');
    const snapshot = builder.toSnapshot();
    expect(snapshot.state).toBe('partial');
    expect(row(snapshot, 'tags')).toMatchObject({ state: 'failed', problems: [{ category: 'tags', projectId: 'p2', code: 'NOT_FOUND', message: 'GetTags failed' }] });
    expect(snapshot.projects.find((p) => p.id === 'p2')?.problems).toHaveLength(1);
    expect(row(snapshot, 'models')?.state).toBe('done');
  });

  it('say "not scanned" rather than done when the scan is cancelled', () => {
    const builder = scanned();
    builder.startRow('images', 2);
    builder.advanceRow('images');
    builder.finish('cancelled', '2025-01-01T10:01:00.000Z');
    const snapshot = builder.toSnapshot();
    expect(snapshot.state).toBe('cancelled');
    expect(row(snapshot, 'images')).toMatchObject({ state: 'waiting', done: 1, total: 2 });
    expect(row(snapshot, 'tags')?.state).toBe('done');
  });

  it('hand out snapshots that later steps do not change', () => {
    const builder = scanned();
    const early = builder.toSnapshot();
    const earlyJson = JSON.stringify(early);
    builder.setCounts('p1', { tags: 40 });
    builder.addProblem({ category: 'models', projectId: 'p1', code: 'X', message: 'y' });
    expect(JSON.stringify(early)).toBe(earlyJson);
    expect(row(builder.toSnapshot(), 'tags')?.count).toBe(43);
  });
});

describe('merging a retry into the previous snapshot', () => {
  function previousWithProblem(): InventorySnapshot {
    const builder = scanned();
    builder.addProblem({ category: 'tags', projectId: 'p2', code: 'NOT_FOUND', message: 'GetTags failed' });
    builder.setCounts('p2', { tags: null });
    builder.finish('completed', '2025-01-01T10:01:00.000Z');
    return builder.toSnapshot();
  }

  it('keeps everything else and clears the retried problem', () => {
    const previous = previousWithProblem();
    const builder = new InventoryBuilder({ account: ACCOUNT, startedAt: '2025-01-01T11:00:00.000Z', previous });
    builder.setProjectList([P1, P2], new Set(['p2']));
    builder.startRow('tags', 1);
    builder.clearProblems('tags', 'p2');
    builder.setCounts('p2', { tags: 3 });
    builder.advanceRow('tags');
    builder.finish('completed', '2025-01-01T11:00:01.000Z');
    const merged = builder.toSnapshot();
    expect(merged.state).toBe('done');
    expect(row(merged, 'tags')).toMatchObject({ count: 7, state: 'done', problems: [], done: 1, total: 1 });
    expect(row(merged, 'models')).toEqual(row(previous, 'models'));
    expect(merged.projects.find((p) => p.id === 'p1')).toBe(previous.projects.find((p) => p.id === 'p1'));
  });

  it('drops a retried project the service no longer has', () => {
    const builder = new InventoryBuilder({ account: ACCOUNT, startedAt: '2025-01-01T11:00:00.000Z', previous: previousWithProblem() });
    builder.setProjectList([P1], new Set(['p2']));
    builder.finish('completed', '2025-01-01T11:00:01.000Z');
    const merged = builder.toSnapshot();
    expect(merged.projects.map((p) => p.id)).toEqual(['p1']);
    expect(row(merged, 'tags')).toMatchObject({ count: 4, state: 'done', problems: [] });
  });

  it("never merges another account's snapshot", () => {
    const builder = new InventoryBuilder({
      account: { ...ACCOUNT, accountId: 'acc-2' },
      startedAt: '2025-01-01T11:00:00.000Z',
      previous: previousWithProblem(),
    });
    expect(builder.toSnapshot().projects).toEqual([]);
  });
});

describe('what a scan request covers', () => {
  it('is everything by default, with the account row first', () => {
    expect(resolveScanScope({})).toMatchObject({ merge: false, projectIds: undefined });
    expect(scanJobCategories()).toEqual(['account', 'projects', 'iterations', 'performance', 'tags', 'images', 'models', 'predictions']);
  });

  it('is just the asked categories for a Retry, merged', () => {
    const scope = resolveScanScope({ projectIds: ['p2'], categories: ['tags'] });
    expect([...scope.categories]).toEqual(['tags']);
    expect(scope.merge).toBe(true);
    expect(scanJobCategories({ categories: ['images', 'tags'] })).toEqual(['account', 'tags', 'images']);
  });

  it('is everything again when the project list itself is retried', () => {
    expect([...resolveScanScope({ categories: ['projects'] }).categories]).toHaveLength(7);
    expect(resolveScanScope({ categories: ['projects'] }).merge).toBe(true);
  });
});
