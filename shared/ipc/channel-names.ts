/**
 * The channel names alone, for code that builds `window.steward` (shared/ipc/api.ts, used
 * by the sandboxed preload and the browser harness's bridge).
 *
 * Why this module exists: the names are derived from contract.ts, which is the one place a
 * channel is declared, but evaluating the contract needs zod, and zod would grow the
 * preload from about 2 KB to about 470 KB (minified, measured with esbuild). So in the
 * preload and harness-bridge bundles scripts/channel-names-plugin.mjs replaces this module
 * with the literal lists computed from the contract at build time; everywhere else (main,
 * the renderer, tests) it is simply the contract's own lists. Either way nobody writes a
 * channel name twice.
 */
export { EVENT_CHANNELS, INVOKE_CHANNELS } from './contract';
