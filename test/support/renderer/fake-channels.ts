/**
 * The shapes every renderer fake of main is written in, derived from the contract: a fake
 * answers channels by their contract names with the contract's request and response types,
 * so a fake can never name a channel that does not exist or answer with the wrong shape.
 * FakeMain (fakes.ts) puts the answers behind the real `buildStewardApi` and `createApi`.
 */
import type { EventChannel, EventPayloadOf, InvokeChannel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/errors';

export interface FakeChannel<C extends InvokeChannel> {
  /** What the request log shows after the method name (e.g. the job id); nothing when absent. */
  describe?: (request: RequestOf<C>) => string;
  /** Main's answer, computed when the request arrives. */
  answer: (request: RequestOf<C>) => IpcResult<ResponseOf<C>>;
}

/** Answers for some of the channels, e.g. `FakeHandlersFor<'jobs:list' | 'jobs:cancel'>`. */
export type FakeHandlersFor<C extends InvokeChannel> = { [K in C]: FakeChannel<K> };
export type FakeHandlers = { [C in InvokeChannel]?: FakeChannel<C> };

export type FakeListener<E extends EventChannel> = (payload: EventPayloadOf<E>) => void;
/** The subscribers of each event main pushes, kept by the fake that pushes it. */
export type FakeListeners = { [E in EventChannel]?: Set<FakeListener<E>> };

/** `jobs:cancel` as the request log and failWith name it: `jobs.cancel`. */
export type FakeMethod = { [C in InvokeChannel]: C extends `${infer D}:${infer V}` ? `${D}.${V}` : never }[InvokeChannel];

export function methodOf(channel: InvokeChannel): FakeMethod {
  return channel.replace(':', '.') as FakeMethod;
}

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}
