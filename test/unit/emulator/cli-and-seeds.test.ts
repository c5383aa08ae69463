import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src-main/emulator/cli-args';
import { AccountState } from '../../../src-main/emulator/state/account';
import { loadSeed, SeedError } from '../../../src-main/emulator/seeds/loader';
import { demoSeed } from '../../../src-main/emulator/seeds/demo';
import type { SeedDocument } from '../../../src-main/emulator/seeds/format';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

describe('emulator command-line flags', () => {
  it('maps every flag onto options', () => {
    const parsed = parseCliArgs([
      '--port', '4800', '--key', 'k', '--seed', 'seed.json', '--images', '500', '--tps', '5', '--latency-ms=20',
      '--bandwidth-kbps', '64', '--fail-rate', '0.1', '--reset-rate', '0.05', '--truncate-rate', '0.02', '--sas-ttl-s', '5', '--fault-seed', 'x',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        port: 4800, key: 'k', seed: { file: 'seed.json' }, images: 500, tps: 5, latencyMs: 20, bandwidthKbps: 64,
        failRate: 0.1, resetRate: 0.05, truncateRate: 0.02, sasTtlSeconds: 5, faultSeed: 'x',
      },
    });
  });

  it('defaults to the demo seed, or empty with --images', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'run', options: { seed: 'demo' } });
    expect(parseCliArgs(['--images', '10'])).toEqual({ kind: 'run', options: { images: 10, seed: 'empty' } });
  });

  it('explains bad input', () => {
    expect(parseCliArgs(['--tps'])).toEqual({ kind: 'error', message: '--tps needs a value' });
    expect(parseCliArgs(['--truncate-rate', '7'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--truncate-rate') });
    expect(parseCliArgs(['--sas-ttl-s', '0'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--sas-ttl-s') });
    expect(parseCliArgs(['--images', '-3'])).toMatchObject({ kind: 'error' });
    expect(parseCliArgs(['extra'])).toEqual({ kind: 'error', message: 'unknown option "extra"' });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });
});

describe('seed loader', () => {
  const base = (project: Record<string, unknown>): SeedDocument => ({ format: 'cv-emulator-seed', version: 1, projects: [{ key: 'p', name: 'P', ...project }] as SeedDocument['projects'] });
  const load = (doc: SeedDocument) => loadSeed(new AccountState(() => 0), doc);

  it('reports shape errors with their path', () => {
    expect(() => load(base({ images: [{ key: 'i', width: 0, height: 10 }] }))).toThrow(/projects\[0\]\.images\[0\]\.width/);
    expect(() => load({ format: 'other', version: 1 } as unknown as SeedDocument)).toThrow(SeedError);
  });

  it('reports unknown references with their path', () => {
    expect(() => load(base({ domain: 'Nope' }))).toThrow('projects[0].domain: unknown Classification domain "Nope"');
    expect(() => load(base({ tags: [{ name: 'a' }], images: [{ key: 'i', width: 300, height: 300 }], iterations: [{ name: 'It', images: ['j'] }] }))).toThrow(
      'projects[0].iterations[0].images[0]: unknown image key "j"',
    );
    expect(() => load(base({ tags: [{ name: 'a' }], images: [{ key: 'i', width: 300, height: 300, tags: ['a'] }], iterations: [{ name: 'It', exports: [{ platform: 'ONNX' }] }] }))).toThrow(
      /exports need a Completed iteration in a compact/,
    );
  });

  it('keeps images deleted after training inside the iteration only', () => {
    const state = new AccountState(() => 0);
    loadSeed(state, base({
      tags: [{ name: 'a' }],
      images: [{ key: 'kept', width: 300, height: 300, tags: ['a'] }, { key: 'gone', width: 300, height: 300, tags: ['a'], deletedFromWorkspace: true }],
      iterations: [{ name: 'Iteration 1' }],
    }));
    const project = must([...state.projects.values()][0]);
    expect(project.images.size).toBe(1);
    expect([...project.iterations.values()][0]?.snapshot?.images.size).toBe(2);
  });

  it('builds the same demo document every time', () => {
    expect(demoSeed()).toEqual(demoSeed());
    const images = (demoSeed().projects ?? []).reduce((sum, p) => sum + (p.images?.length ?? 0), 0);
    expect(images).toBe(300);
  });
});
