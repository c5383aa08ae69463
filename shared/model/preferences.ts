/** The user's settings that both processes read: language, theme, export folder, speed limits. */
import { z } from 'zod';

/**
 * The languages the interface speaks. A saved `null` means "follow the operating system's
 * language", which only the renderer can see (navigator.languages), so main never guesses.
 */
export const LANGUAGES = ['en', 'zh-TW'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Light or dark; 'system' follows the operating system's setting (prefers-color-scheme). */
export const THEMES = ['system', 'light', 'dark'] as const;
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

/**
 * Safe bounds for the settings that change how hard CV Steward pushes the service and the
 * network. Rate: the Training API allows 10 calls per second on both tiers for everything
 * an export or cleanup calls
 * (https://learn.microsoft.com/azure/ai-services/custom-vision-service/limits-and-quotas;
 * F0 users report throttling above 2/s), so more than 10 only buys 429s. Downloads: blob
 * downloads are not rate limited, but more than 32 at once gains nothing on a desktop link
 * and starves the API calls.
 */
export const RATE_LIMIT_BOUNDS = { min: 1, max: 10, default: 10 } as const;
export const DOWNLOAD_CONCURRENCY_BOUNDS = { min: 1, max: 32, default: 16 } as const;

export const PreferencesSchema = z.object({
  /** null: follow the operating system's language. */
  language: LanguageSchema.nullable(),
  theme: ThemeSchema,
  /** The folder new exports go into (each in its own new subfolder); null: ask every time. */
  exportFolder: z.string().nullable(),
  /** API calls per second, for every account. */
  rateLimit: z.number().int().min(RATE_LIMIT_BOUNDS.min).max(RATE_LIMIT_BOUNDS.max),
  /** Image and model downloads at once during an export. */
  downloadConcurrency: z.number().int().min(DOWNLOAD_CONCURRENCY_BOUNDS.min).max(DOWNLOAD_CONCURRENCY_BOUNDS.max),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
/**
 * What the page may change: any subset. The export folder can only be chosen through main's
 * dialog (preferences:chooseExportFolder); here it can only be cleared.
 */
export const PreferencesUpdateSchema = PreferencesSchema.omit({ exportFolder: true })
  .partial()
  .extend({ exportFolder: z.null().optional() })
  .strict();
export type PreferencesUpdate = z.infer<typeof PreferencesUpdateSchema>;
