/**
 * The contract's channel names alone, without schemas, so the sandboxed preload and the
 * harness bridge can build `window.steward` without bundling zod. contract.ts is typed
 * against these lists, so a channel missing from either place fails to compile.
 */
export const INVOKE_CHANNEL_NAMES = [
  'app:info',
  'jobs:list',
  'jobs:cancel',
  'jobs:pause',
  'jobs:resume',
  'jobs:clearFinished',
  'diagnostics:start',
  'accounts:list',
  'accounts:connect',
  'accounts:startDemo',
  'accounts:rename',
  'accounts:switch',
  'accounts:forget',
  'inventory:scan',
  'inventory:get',
  'export:chooseFolder',
  'export:start',
  'export:verify',
  'export:report',
  'app:openExternal',
  'cleanup:plan',
  'cleanup:getPlan',
  'cleanup:chooseBundle',
  'cleanup:checkBundle',
  'cleanup:coverage',
  'cleanup:backup',
  'cleanup:run',
  'cleanup:receipt',
  'cleanup:openReceipt',
  'preferences:get',
  'preferences:set',
  'preferences:chooseExportFolder',
  'export:defaultFolder',
  'app:forgetEverything',
  'app:showInFolder',
  'jobs:interrupted',
  'jobs:resumeInterrupted',
  'jobs:dismissInterrupted',
  'cleanup:plans',
] as const;

export const EVENT_CHANNEL_NAMES = ['jobs:progress', 'jobs:finished', 'accounts:changed', 'inventory:updated', 'app:navigate', 'preferences:changed'] as const;

export type InvokeChannelName = (typeof INVOKE_CHANNEL_NAMES)[number];
export type EventChannelName = (typeof EVENT_CHANNEL_NAMES)[number];
