/**
 * The preload and the harness bridge get the channel names from the contract without
 * bundling zod (shared/ipc/channel-names.ts explains why): the build plugin that makes
 * this so must produce exactly the contract's names, and a small preload.
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../shared/ipc/contract';
// @ts-expect-error -- a plain .mjs build script without type declarations.
import { channelNamesPlugin, contractChannelNames } from '../../../scripts/channel-names-plugin.mjs';

describe('channel names in the zod-free bundles', () => {
  it('computes exactly the contract’s channel names at build time', async () => {
    const names = (await contractChannelNames()) as { invoke: string[]; events: string[] };
    expect(names.invoke).toEqual([...INVOKE_CHANNELS]);
    expect(names.events).toEqual([...EVENT_CHANNELS]);
  });

  it('builds a preload that names every channel and carries no zod', async () => {
    const result = await build({
      entryPoints: ['src-main/preload/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'chrome130',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
      plugins: [channelNamesPlugin()],
    });
    const text = result.outputFiles[0]?.text ?? '';
    for (const channel of [...INVOKE_CHANNELS, ...EVENT_CHANNELS]) expect(text).toContain(`"${channel}"`);
    expect(text).not.toMatch(/zod/i);
    expect(text.length).toBeLessThan(20_000);
  });
});
