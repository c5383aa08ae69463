/**
 * Handler sets: each domain answers its own channels next to its service
 * (e.g. src-main/jobs/jobs-handlers.ts), and src-main/services.ts only composes the sets.
 * `composeHandlers` makes the composition exact at compile time: a contract channel that
 * no set answers, or that two sets answer, is a type error naming the channel.
 */
import type { InvokeChannel } from '../../shared/ipc/contract';
import type { Handlers } from './dispatcher';

/** The handlers of the named channels, e.g. `HandlersFor<'jobs:list' | 'jobs:cancel'>`. */
export type HandlersFor<C extends InvokeChannel> = Pick<Handlers, C>;

/** Every handler of one channel prefix, e.g. `HandlersOf<'preferences'>`. */
export type HandlersOf<Domain extends string> = HandlersFor<Extract<InvokeChannel, `${Domain}:${string}`>>;

type HandlerSet = Partial<Handlers>;
type ChannelsOf<Sets extends readonly HandlerSet[]> = { [I in keyof Sets]: keyof Sets[I] }[number];
/** Channels that appear in more than one set. */
type Duplicated<Sets extends readonly HandlerSet[]> = Sets extends readonly [infer First extends HandlerSet, ...infer Rest extends HandlerSet[]]
  ? (keyof First & ChannelsOf<Rest>) | Duplicated<Rest>
  : never;
type Missing<Sets extends readonly HandlerSet[]> = Exclude<InvokeChannel, ChannelsOf<Sets>>;

/**
 * The type of the argument list when it is exact; otherwise an impossible type whose
 * property names the problem, so the compiler's message says which channels to fix.
 */
type ExactlyOnce<Sets extends readonly HandlerSet[]> = [Missing<Sets>] extends [never]
  ? [Duplicated<Sets>] extends [never]
    ? Sets
    : { channelsAnsweredTwice: Duplicated<Sets> }
  : { channelsWithoutHandler: Missing<Sets> };

/** Joins handler sets into the full table; each channel must be answered by exactly one set. */
export function composeHandlers<const Sets extends readonly HandlerSet[]>(...sets: Sets & ExactlyOnce<Sets>): Handlers {
  const table: Record<string, unknown> = {};
  for (const set of sets as readonly HandlerSet[]) {
    for (const [channel, handler] of Object.entries(set)) {
      // The types already forbid this; the check keeps a cast elsewhere from hiding it.
      if (channel in table) throw new Error(`Two handler sets answer ${channel}`);
      table[channel] = handler;
    }
  }
  // Exhaustiveness was checked on the argument types above; Object.entries loses them.
  return table as Handlers;
}
