/**
 * Builds `window.steward` from the contract: one object per domain, one function per
 * channel (`jobs:cancel` → `steward.jobs.cancel(req)`), and `onX` subscriptions per event
 * (`jobs:progress` → `steward.jobs.onProgress(listener)` returning an unsubscribe function).
 *
 * The Electron preload and the browser harness both call `buildStewardApi` with their own
 * transport, which is what makes the harness expose exactly the preload's interface.
 */
// The names only: channel-names.ts explains how the preload gets them without bundling zod.
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './channel-names';
import type { EventChannel, EventPayloadOf, InvokeChannel, RequestOf, ResponseOf } from './contract';
import type { IpcResult } from './errors';

export interface StewardTransport {
  invoke(channel: InvokeChannel, request: unknown): Promise<unknown>;
  /** Must strip any transport object (e.g. the Electron event) and pass only the payload. */
  subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;
type Domains = DomainOf<InvokeChannel> | DomainOf<EventChannel>;

/** Channels whose request is the empty object get a no-argument function. */
type InvokeFn<C extends InvokeChannel> =
  RequestOf<C> extends Record<string, never>
    ? () => Promise<IpcResult<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;

type DomainApi<D extends string> = {
  [C in InvokeChannel as DomainOf<C> extends D ? VerbOf<C> : never]: InvokeFn<C>;
} & {
  [E in EventChannel as DomainOf<E> extends D ? `on${Capitalize<VerbOf<E>>}` : never]: (
    listener: (payload: EventPayloadOf<E>) => void,
  ) => () => void;
};

export type StewardApi = { readonly [D in Domains]: DomainApi<D> };

export interface ApiMember {
  domain: string;
  name: string;
  kind: 'invoke' | 'event';
  channel: string;
}

/** Where each channel appears on `window.steward`; used by the builder and by the contract test. */
export function apiMembers(): ApiMember[] {
  const invokes = INVOKE_CHANNELS.map((channel): ApiMember => {
    const [domain, verb] = splitChannel(channel);
    return { domain, name: verb, kind: 'invoke', channel };
  });
  const events = EVENT_CHANNELS.map((channel): ApiMember => {
    const [domain, verb] = splitChannel(channel);
    return { domain, name: `on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`, kind: 'event', channel };
  });
  return [...invokes, ...events];
}

export function buildStewardApi(transport: StewardTransport): StewardApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const member of apiMembers()) {
    const domain = (api[member.domain] ??= {});
    if (member.kind === 'invoke') {
      const channel = member.channel as InvokeChannel;
      domain[member.name] = (request?: unknown) => transport.invoke(channel, request ?? {});
    } else {
      const channel = member.channel as EventChannel;
      domain[member.name] = (listener: (payload: unknown) => void) => {
        if (typeof listener !== 'function') throw new TypeError(`${member.name} needs a listener function`);
        return transport.subscribe(channel, listener);
      };
    }
  }
  for (const domain of Object.values(api)) Object.freeze(domain);
  // The cast is the one place where the runtime object meets its mapped type; the
  // contract test checks that every member the type promises exists at run time.
  return Object.freeze(api) as unknown as StewardApi;
}

function splitChannel(channel: string): [string, string] {
  const match = /^([a-z][a-zA-Z]*):([a-z][a-zA-Z]*)$/.exec(channel);
  if (!match?.[1] || !match[2]) throw new Error(`Channel "${channel}" is not named domain:verb`);
  return [match[1], match[2]];
}
