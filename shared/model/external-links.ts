/**
 * The Microsoft pages the app may open in the system browser, by id: the page names an id and
 * main maps it to its URL, so no URL from the page
 * ever reaches the shell.
 */
import { z } from 'zod';

export const EXTERNAL_LINK_IDS = ['azure-portal', 'azure-soft-delete', 'customvision-settings', 'export-delete-data'] as const;
export const ExternalLinkIdSchema = z.enum(EXTERNAL_LINK_IDS);
export type ExternalLinkId = z.infer<typeof ExternalLinkIdSchema>;
