/**
 * The colour theme on the page: `data-theme` on <html>, which styles.css reads. 'light' and
 * 'dark' pin the colours; 'system' leaves them to `prefers-color-scheme`, so the page
 * follows the operating system live, with no listener here.
 */
import type { Theme } from '../../shared/model/preferences';

export type { Theme };
export const THEME_CHOICES = ['system', 'light', 'dark'] as const satisfies readonly Theme[];

/** What applyTheme writes to: <html> in the page; any element-like object in tests. */
export interface ThemeTarget {
  setAttribute(name: string, value: string): void;
}

export function applyTheme(theme: Theme, target: ThemeTarget | undefined = defaultTarget()): void {
  target?.setAttribute('data-theme', theme);
}

/** <html>, or nothing outside a browser (store tests run in Node). */
function defaultTarget(): ThemeTarget | undefined {
  return typeof document === 'undefined' ? undefined : document.documentElement;
}
