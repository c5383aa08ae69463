/**
 * What the renderer may know about an account (docs/architecture.md, "Account keys"): never
 * the key, only a short fingerprint of it, and only the endpoint's host.
 */
import { z } from 'zod';

export const AccountSummarySchema = z
  .object({
    accountId: z.string().min(1),
    displayName: z.string(),
    endpointHost: z.string(),
    keyFingerprint: z.string(),
  })
  .strict();
export type AccountSummary = z.infer<typeof AccountSummarySchema>;

export const AccountListSchema = z.object({
  accounts: z.array(AccountSummarySchema),
  activeAccountId: z.string().nullable(),
  /** The id of the built-in demo account while it is running, else null. */
  demoAccountId: z.string().nullable(),
});
export type AccountList = z.infer<typeof AccountListSchema>;

/** Limits on what the connect form may send; generous but bounded. */
export const ENDPOINT_MAX_LENGTH = 2048;
export const KEY_MAX_LENGTH = 256;
export const DISPLAY_NAME_MAX_LENGTH = 100;
