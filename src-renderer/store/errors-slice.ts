import type { StateCreator } from 'zustand';
import type { AppErrorInput } from '../lib/app-error';
import type { StewardState } from './types';

export interface AppError extends AppErrorInput {
  id: string;
}

export interface ErrorsSlice {
  /** Oldest first. */
  errors: AppError[];
  /** Adds an error unless one with the same message is already shown. */
  pushError(error: AppErrorInput): void;
  dismissError(id: string): void;
  clearErrors(): void;
}

/** Enough to show what went wrong without letting a failure loop fill the screen. */
export const MAX_ERRORS = 10;

export const createErrorsSlice: StateCreator<StewardState, [], [], ErrorsSlice> = (set) => {
  let sequence = 0;
  return {
    errors: [],
    pushError: ({ code, message, translated }) =>
      set((state) => {
        if (state.errors.some((error) => error.message === message)) return {};
        sequence += 1;
        // The code and main's words are kept as sent: the surface translates by code when it renders,
        // so the text follows a later language switch too.
        const added: AppError = translated ? { id: `error-${sequence}`, code, message, translated } : { id: `error-${sequence}`, code, message };
        const next = [...state.errors, added];
        return { errors: next.slice(-MAX_ERRORS) };
      }),
    dismissError: (id) => set((state) => ({ errors: state.errors.filter((error) => error.id !== id) })),
    clearErrors: () => set({ errors: [] }),
  };
};
