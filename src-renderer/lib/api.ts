/**
 * The renderer's only door to main. Components and stores import from here, never from
 * `window.steward` directly, so there is one place that knows the bridge exists.
 *
 * The bridge answers with `{ ok, value | error }` envelopes (errors lose their class when
 * they cross Electron's context bridge); this module turns failures into `ApiError`s that
 * carry the `code` main chose, so callers can `try/await` naturally.
 */
import { apiMembers, type StewardApi } from '../../shared/ipc/api';
import type { IpcError, IpcResult } from '../../shared/ipc/errors';
import type { Language } from '../../shared/model/preferences';
import type { RequestOf } from '../../shared/ipc/contract';
import { currentLanguage, i18n } from '../i18n';

/** What a cleanup relies on: a bundle folder (by id) or the user's explicit waiver. */
export type CleanupBackup = RequestOf<'cleanup:run'>['backup'];

declare global {
  interface Window {
    readonly steward?: StewardApi;
  }
}

export class ApiError extends Error {
  readonly code: string;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
  }
}

export function bridge(): StewardApi {
  const steward = window.steward;
  if (!steward) {
    throw new ApiError({
      code: 'NO_BRIDGE',
      message: i18n.t('errors.noBridge'),
    });
  }
  return steward;
}

/** Unwraps an envelope: the value, or an ApiError with main's code and message. */
export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** A bridge function with its envelope unwrapped: the same arguments, the value or an ApiError. */
type Unwrapped<F> = F extends (...args: infer A) => Promise<IpcResult<infer R>> ? (...args: A) => Promise<R> : F;

/**
 * `window.steward` with every answer unwrapped, member for member: `api.cleanup.plans(request)`
 * is `cleanup:plans`, `api.jobs.onProgress` is the `jobs:progress` event. No member is
 * renamed or takes different arguments, so grepping a channel's name finds its callers.
 */
export type RendererApi = { readonly [D in keyof StewardApi]: { readonly [M in keyof StewardApi[D]]: Unwrapped<StewardApi[D][M]> } };

/**
 * Builds the renderer's api from the contract's member list. `getBridge` is called on every
 * use, synchronously, so a missing bridge throws at the call (the page shows NO_BRIDGE)
 * rather than when this module loads; tests pass a bridge of their own.
 */
export function createApi(getBridge: () => StewardApi): RendererApi {
  const built: Record<string, Record<string, unknown>> = {};
  for (const member of apiMembers()) {
    const domain = (built[member.domain] ??= {});
    // The bridge is typed per member; here the member is only known at run time.
    const call = (argument?: unknown): unknown => (getBridge() as unknown as Record<string, Record<string, (argument?: unknown) => unknown>>)[member.domain]?.[member.name]?.(argument);
    domain[member.name] =
      member.kind === 'invoke'
        ? (request?: unknown) => unwrap(call(request) as Promise<IpcResult<unknown>>)
        : (listener: unknown) => call(listener);
  }
  for (const domain of Object.values(built)) Object.freeze(domain);
  // The one place the runtime object meets its mapped type; test/unit/renderer/api.test.ts
  // checks every member the type promises exists and reaches its channel.
  return Object.freeze(built) as unknown as RendererApi;
}

export const api: RendererApi = createApi(bridge);

/**
 * Requests whose result the user reads later in the interface's language (an export's
 * offline viewer, a cleanup receipt, plan sentences) carry the language shown now.
 */
export function inInterfaceLanguage<R extends object>(request: R): R & { language: Language } {
  return { ...request, language: currentLanguage() };
}
