// An esbuild plugin for the bundles that must stay free of zod (the sandboxed preload and
// the harness bridge): it replaces shared/ipc/channel-names.ts, which reads the names off
// the zod contract, with literal lists computed from that contract at build time. See the
// comment in shared/ipc/channel-names.ts for why.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const contractFile = fileURLToPath(new URL('../shared/ipc/contract.ts', import.meta.url));

/** Bundles the contract in memory and evaluates it, returning its invoke and event channel names. */
export async function contractChannelNames() {
  const result = await build({ entryPoints: [contractFile], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
  const module = { exports: {} };
  // The code is this repository's own contract, just bundled: evaluating it is like importing it.
  new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports);
  const { INVOKE_CHANNELS, EVENT_CHANNELS } = module.exports;
  if (!Array.isArray(INVOKE_CHANNELS) || !Array.isArray(EVENT_CHANNELS)) throw new Error('shared/ipc/contract.ts no longer exports INVOKE_CHANNELS and EVENT_CHANNELS');
  return { invoke: INVOKE_CHANNELS, events: EVENT_CHANNELS };
}

export function channelNamesPlugin() {
  return {
    name: 'channel-names',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]shared[\\/]ipc[\\/]channel-names\.ts$/ }, async () => {
        const { invoke, events } = await contractChannelNames();
        return {
          loader: 'ts',
          contents: `export const INVOKE_CHANNELS = Object.freeze(${JSON.stringify(invoke)});\nexport const EVENT_CHANNELS = Object.freeze(${JSON.stringify(events)});\n`,
        };
      });
    },
  };
}
