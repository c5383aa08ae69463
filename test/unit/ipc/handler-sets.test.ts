/**
 * Handler sets are joined into main's table by composeHandlers: every contract channel
 * answered exactly once. The type errors below are the compile-time half of that promise
 * (typecheck fails if one of them stops being an error); the run-time half is here too.
 */
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../shared/ipc/contract';
import type { Handlers } from '../../../src-main/ipc/dispatcher';
import { composeHandlers, type HandlersFor } from '../../../src-main/ipc/handler-sets';
import { createTestServices } from '../../support/test-services';

function answering<C extends keyof Handlers>(channels: readonly C[]): HandlersFor<C> {
  // Each stand-in only has to exist; what it answers is not looked at here.
  return Object.fromEntries(channels.map((channel) => [channel, () => ({})])) as unknown as HandlersFor<C>;
}

describe('composing handler sets', () => {
  const everyOther = INVOKE_CHANNELS.filter((channel) => channel !== 'jobs:list' && channel !== 'app:info');
  const rest = answering(everyOther);

  it('joins disjoint sets that answer every channel into the full table', () => {
    const table = composeHandlers(answering(['jobs:list'] as const), answering(['app:info'] as const), rest as Omit<Handlers, 'jobs:list' | 'app:info'>);
    expect(Object.keys(table).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('refuses, at compile time and at run time, a channel answered twice', () => {
    const jobsList = answering(['jobs:list'] as const);
    const others = rest as Omit<Handlers, 'jobs:list' | 'app:info'>;
    // @ts-expect-error -- 'jobs:list' is answered by two sets.
    expect(() => composeHandlers(jobsList, jobsList, answering(['app:info'] as const), others)).toThrow('Two handler sets answer jobs:list');
  });

  it('refuses at compile time a channel nobody answers', () => {
    const others = rest as Omit<Handlers, 'jobs:list' | 'app:info'>;
    // @ts-expect-error -- 'app:info' has no handler.
    const table = composeHandlers(answering(['jobs:list'] as const), others);
    expect(table['app:info']).toBeUndefined();
  });

  it('gives the real services exactly one handler per contract channel', async () => {
    const { handlers, dispose } = createTestServices();
    expect(Object.keys(handlers).sort()).toEqual([...INVOKE_CHANNELS].sort());
    await dispose();
  });
});
