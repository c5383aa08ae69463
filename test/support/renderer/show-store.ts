/**
 * Lets components, which read the app's one store (`useStewardStore`), show a store a test
 * built from the renderer fakes (`createStewardStore(new FakeMain().client)`): the app store
 * takes on that store's state, actions included, and follows every change, so a click runs
 * the real action against the fake main and the component re-renders with the answer.
 */
import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '../../../src-renderer/i18n';
import { resetStewardStore, useStewardStore, type StewardState, type StewardStore } from '../../../src-renderer/store';

let stopShowing: () => void = () => {};

/** The app store follows `store` until the test ends (see componentTestLifecycle). */
export function showStore(store: StewardStore): void {
  stopShowing();
  useStewardStore.setState(store.getState(), true);
  const unsubscribe = store.subscribe((state) => useStewardStore.setState(state, true));
  stopShowing = () => {
    unsubscribe();
    resetStewardStore();
    stopShowing = () => {};
  };
}

/**
 * For a component test file: each test starts in English; after it, what it rendered is
 * unmounted, the app store stops following the test's store and is put back to its first
 * state, and the language is English again, so no test sees another's page.
 */
export function componentTestLifecycle(): void {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(async () => {
    cleanup();
    stopShowing();
    await i18n.changeLanguage('en');
  });
}

/** Changes the shown store the way main's answers would, inside React's act() so the page re-renders first. */
export function update(store: StewardStore, change: Partial<StewardState>): void {
  act(() => store.setState(change));
}
