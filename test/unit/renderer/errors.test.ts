import { describe, expect, it } from 'vitest';
import { createStewardStore } from '../../../src-renderer/store';
import { MAX_ERRORS } from '../../../src-renderer/store/errors-slice';
import { FakeMain } from '../../support/renderer/fakes';

function newStore() {
  return createStewardStore(new FakeMain().client);
}

/** What the error surface shows: code and message, oldest first. */
function shown(store: ReturnType<typeof newStore>): string[] {
  return store.getState().errors.map((error) => `${error.code}: ${error.message}`);
}

describe('error surface', () => {
  it('shows nothing when all is well', () => {
    expect(newStore().getState().errors).toEqual([]);
  });

  it('shows a pushed error with its code and message', () => {
    const store = newStore();
    store.getState().pushError({ code: 'INTERNAL', message: 'Main could not read the job list.' });
    expect(shown(store)).toEqual(['INTERNAL: Main could not read the job list.']);
  });

  it('shows the same message only once however often it is pushed', () => {
    const store = newStore();
    for (let i = 0; i < 3; i += 1) store.getState().pushError({ code: 'NO_BRIDGE', message: 'Cannot reach main.' });
    expect(shown(store)).toEqual(['NO_BRIDGE: Cannot reach main.']);
  });

  it('treats the same message under another code as the same problem (documented: deduplicated by message)', () => {
    const store = newStore();
    store.getState().pushError({ code: 'INTERNAL', message: 'Disk full.' });
    store.getState().pushError({ code: 'RENDERER_ERROR', message: 'Disk full.' });
    expect(shown(store)).toEqual(['INTERNAL: Disk full.']);
  });

  it('shows different problems side by side, oldest first', () => {
    const store = newStore();
    store.getState().pushError({ code: 'A', message: 'First.' });
    store.getState().pushError({ code: 'B', message: 'Second.' });
    expect(shown(store)).toEqual(['A: First.', 'B: Second.']);
  });

  it('dismiss removes only the dismissed error', () => {
    const store = newStore();
    store.getState().pushError({ code: 'A', message: 'First.' });
    store.getState().pushError({ code: 'B', message: 'Second.' });
    store.getState().pushError({ code: 'C', message: 'Third.' });
    const second = store.getState().errors[1];
    if (!second) throw new Error('expected three errors');

    store.getState().dismissError(second.id);
    expect(shown(store)).toEqual(['A: First.', 'C: Third.']);
  });

  it('dismissing an error that is already gone changes nothing', () => {
    const store = newStore();
    store.getState().pushError({ code: 'A', message: 'First.' });
    store.getState().dismissError('error-does-not-exist');
    expect(shown(store)).toEqual(['A: First.']);
  });

  it('shows a problem again if it happens again after being dismissed', () => {
    const store = newStore();
    store.getState().pushError({ code: 'A', message: 'Cannot reach main.' });
    const [first] = store.getState().errors;
    if (!first) throw new Error('expected an error');
    store.getState().dismissError(first.id);
    expect(shown(store)).toEqual([]);

    store.getState().pushError({ code: 'A', message: 'Cannot reach main.' });
    expect(shown(store)).toEqual(['A: Cannot reach main.']);
    // A fresh entry, so its Dismiss button is not confused with the old one.
    expect(store.getState().errors[0]?.id).not.toBe(first.id);
  });

  it(`keeps at most ${MAX_ERRORS} errors, dropping the oldest`, () => {
    const store = newStore();
    const total = MAX_ERRORS + 5;
    for (let i = 1; i <= total; i += 1) store.getState().pushError({ code: 'LOOP', message: `Failure ${i}.` });

    expect(store.getState().errors).toHaveLength(MAX_ERRORS);
    expect(store.getState().errors[0]?.message).toBe('Failure 6.');
    expect(store.getState().errors.at(-1)?.message).toBe(`Failure ${total}.`);
  });

  it('gives every shown error its own id, so each Dismiss button removes exactly one', () => {
    const store = newStore();
    for (let i = 1; i <= MAX_ERRORS + 3; i += 1) store.getState().pushError({ code: 'LOOP', message: `Failure ${i}.` });
    const ids = store.getState().errors.map((error) => error.id);
    expect(new Set(ids).size).toBe(ids.length);

    const last = store.getState().errors.at(-1);
    if (!last) throw new Error('expected errors');
    store.getState().dismissError(last.id);
    expect(store.getState().errors).toHaveLength(MAX_ERRORS - 1);
    expect(store.getState().errors.some((error) => error.message === last.message)).toBe(false);
  });

  it('clearErrors empties the surface', () => {
    const store = newStore();
    store.getState().pushError({ code: 'A', message: 'First.' });
    store.getState().pushError({ code: 'B', message: 'Second.' });
    store.getState().clearErrors();
    expect(shown(store)).toEqual([]);
  });

  it('keeps each window store separate', () => {
    const one = newStore();
    const other = newStore();
    one.getState().pushError({ code: 'A', message: 'Only here.' });
    expect(shown(other)).toEqual([]);
  });
});
