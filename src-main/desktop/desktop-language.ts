/**
 * The language of what main shows outside the page (menu, notifications): the one chosen in
 * Settings, or, while none is, the operating system's — the same rule the renderer follows,
 * so the menu and the page never disagree.
 */
import type { Language } from '../../shared/model/preferences';
import { languageFromOs } from '../i18n';

export function desktopLanguage(saved: Language | null, systemLanguages: readonly string[]): Language {
  return saved ?? languageFromOs(systemLanguages);
}
