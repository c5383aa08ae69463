/**
 * Lets components, which read the app's one store (`useStewardStore`), show a store a test
 * built from the renderer fakes (`createStewardStore(new FakeMain().client)`): the app store
 * takes on that store's state, actions included, and follows every change, so a click runs
 * the real action against the fake main and the component re-renders with the answer.
 */
import { act } from '@testing-library/react';
import { resetStewardStore, useStewardStore, type StewardState, type StewardStore } from '../../../src-renderer/store';

/** Returns the function that stops following and puts the app store back to its first state. */
export function showStore(store: StewardStore): () => void {
  useStewardStore.setState(store.getState(), true);
  const unsubscribe = store.subscribe((state) => useStewardStore.setState(state, true));
  return () => {
    unsubscribe();
    resetStewardStore();
  };
}

/** Changes the shown store the way main's answers would, inside React's act() so the page re-renders first. */
export function update(store: StewardStore, change: Partial<StewardState>): void {
  act(() => store.setState(change));
}
