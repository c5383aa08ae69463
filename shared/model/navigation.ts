import { z } from 'zod';

/** Pages of the renderer that main may ask it to show (the application menu). */
export const PAGES = ['accounts', 'inventory', 'export', 'cleanup', 'settings'] as const;
export const PageSchema = z.enum(PAGES);
export type Page = z.infer<typeof PageSchema>;
