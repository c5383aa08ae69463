/**
 * The IPC contract: the single list of everything that crosses between the renderer and
 * main (docs/architecture.md). Invoke channels are `domain:verb`; events are pushed by
 * main. Each has a zod schema, and every TypeScript type on either side is inferred from
 * these schemas.
 *
 * Adding a channel is one entry here plus one handler beside its service: the channel
 * names are derived from these objects (channel-names.ts), so the preload, the browser
 * harness and the renderer's `api` expose it, and main's handler table
 * (src-main/services.ts) stops compiling until a handler set provides it.
 */
import { z } from 'zod';
import { AppInfoSchema } from '../model/app-info';
import { JobSnapshotSchema } from '../model/job';
import {
  AccountListSchema,
  AccountSummarySchema,
  DISPLAY_NAME_MAX_LENGTH,
  ENDPOINT_MAX_LENGTH,
  KEY_MAX_LENGTH,
} from '../model/account';
import { InventoryCategorySchema, InventorySnapshotSchema } from '../model/inventory';
import { ChosenFolderSchema, ExportCategorySchema, VerifyReportSchema } from '../model/bundle';
import { CoverageReportSchema, PlanSummarySchema, ReceiptSchema, type CleanupScope } from '../model/cleanup';
import { ExternalLinkIdSchema } from '../model/external-links';
import { LanguageSchema, PreferencesSchema, PreferencesUpdateSchema } from '../model/preferences';
import { PageSchema } from '../model/navigation';
import { InterruptedJobSchema, SavedPlanSchema } from '../model/resume';

/** Requests are always objects, so a channel can grow optional fields without breaking callers. */
const NoArguments = z.object({}).strict();
const JobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();
const JobStarted = z.object({ jobId: z.string() });
const AccountRef = z.object({ accountId: z.string().min(1).max(100) }).strict();
const DisplayName = z.string().trim().min(1).max(DISPLAY_NAME_MAX_LENGTH);
const Id = z.string().min(1).max(100);
const FolderRef = z.object({ folderId: Id }).strict();

/**
 * Plans are named by main (randomUUID) and found under main's data folder by that name;
 * anything else is refused here, before main could build a path from it.
 */
export const PlanIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a plan id made by CV Steward');
const PlanRef = z.object({ planId: PlanIdSchema }).strict();
const Instant = z.string().max(40).refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date');

/** The model's scope, with the lengths and strictness an IPC request needs. */
const ProjectPartRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('untaggedImages') }).strict(),
  z.object({ kind: z.literal('allImages') }).strict(),
  z.object({ kind: z.literal('imagesOlderThan'), before: Instant }).strict(),
  z.object({ kind: z.literal('taggedWith'), tagId: Id }).strict(),
  z.object({ kind: z.literal('tag'), tagId: Id }).strict(),
  z.object({ kind: z.literal('iteration'), iterationId: Id }).strict(),
  z.object({ kind: z.literal('predictions') }).strict(),
]);
export const CleanupScopeRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('projects'), projectIds: z.array(Id).min(1).max(1000) }).strict(),
  z.object({ kind: z.literal('part'), projectId: Id, part: ProjectPartRequest }).strict(),
]) satisfies z.ZodType<CleanupScope>;

/** What a cleanup relies on: a bundle folder chosen through main's dialog, or the user's recorded waiver. */
const CleanupBackupRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bundle'), folderId: Id }).strict(),
  z.object({ kind: z.literal('waived') }).strict(),
]);

/** Something main wrote that the user may want to see in the system's file manager. */
export const ShowInFolderTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bundle'), folderId: Id }).strict(),
  z.object({ kind: z.literal('receipt'), planId: PlanIdSchema }).strict(),
  z.object({ kind: z.literal('logs') }).strict(),
]);
export type ShowInFolderTarget = z.infer<typeof ShowInFolderTargetSchema>;

const InterruptedRef = z.object({ id: Id }).strict();

export const invokeContract = {
  'app:info': { request: NoArguments, response: AppInfoSchema },
  'jobs:list': { request: NoArguments, response: z.array(JobSnapshotSchema) },
  'jobs:cancel': { request: JobRef, response: JobSnapshotSchema },
  'jobs:pause': { request: JobRef, response: JobSnapshotSchema },
  'jobs:resume': { request: JobRef, response: JobSnapshotSchema },
  'jobs:clearFinished': { request: NoArguments, response: z.object({ removed: z.number().int() }) },
  /** Checks that this computer can hold CV Steward's data: a real job with real progress. */
  'diagnostics:start': { request: NoArguments, response: JobStarted },
  'accounts:list': { request: NoArguments, response: AccountListSchema },
  /**
   * The one place a key crosses from the renderer to main (the user typed it). Main
   * validates it against the service, stores it in the OS keychain and never sends it back.
   */
  'accounts:connect': {
    request: z
      .object({
        endpoint: z.string().max(ENDPOINT_MAX_LENGTH),
        key: z.string().max(KEY_MAX_LENGTH),
        displayName: DisplayName.optional(),
      })
      .strict(),
    response: AccountSummarySchema,
  },
  /** Starts the built-in emulator with the demo seed and connects to it. */
  'accounts:startDemo': { request: NoArguments, response: AccountSummarySchema },
  'accounts:rename': { request: AccountRef.extend({ displayName: DisplayName }).strict(), response: AccountSummarySchema },
  'accounts:switch': { request: AccountRef, response: AccountSummarySchema },
  /** Deletes the keychain entry and the saved account; nothing in Azure is touched. */
  'accounts:forget': { request: AccountRef, response: z.object({ forgotten: z.boolean() }) },
  /** Scans the active account; with ids/categories, re-scans just those (a row's "Retry"). */
  'inventory:scan': {
    request: z
      .object({ projectIds: z.array(Id).max(1000).optional(), categories: z.array(InventoryCategorySchema).optional() })
      .strict(),
    response: JobStarted,
  },
  'inventory:get': { request: NoArguments, response: InventorySnapshotSchema.nullable() },
  /** Main shows its own folder dialog; the page only ever gets an id and a path to show. */
  'export:chooseFolder': { request: NoArguments, response: ChosenFolderSchema.nullable() },
  'export:start': {
    request: z
      .object({
        folderId: Id,
        projectIds: z.array(Id).max(1000).optional(),
        categories: z.array(ExportCategorySchema).min(1),
        zip: z.boolean().optional(),
        /** The language of the bundle's offline viewer: the interface's at export time. */
        language: LanguageSchema.optional(),
      })
      .strict(),
    response: JobStarted,
  },
  'export:verify': { request: FolderRef, response: JobStarted },
  /** The verify report of a finished verify job. */
  'export:report': { request: JobRef, response: VerifyReportSchema },
  /** Opens one allow-listed Microsoft page in the system browser. */
  'app:openExternal': { request: z.object({ link: ExternalLinkIdSchema }).strict(), response: z.object({ opened: z.boolean() }) },
  /**
   * Builds a cleanup plan from a fresh id snapshot of the active account, as a job; main
   * saves it and from then on knows it by `planId` only.
   */
  'cleanup:plan': { request: z.object({ scope: CleanupScopeRequestSchema }).strict(), response: z.object({ jobId: z.string(), planId: z.string() }) },
  /** `language`: of the scope sentence (the wizard's); the plan file itself keeps English. */
  'cleanup:getPlan': { request: PlanRef.extend({ language: LanguageSchema.optional() }).strict(), response: PlanSummarySchema },
  /** Main's folder dialog, for a bundle to rely on or to back up into. */
  'cleanup:chooseBundle': { request: NoArguments, response: ChosenFolderSchema.nullable() },
  /** Verifies the bundle and checks it holds every item of the plan, as a job. */
  'cleanup:checkBundle': { request: PlanRef.extend({ folderId: Id }).strict(), response: JobStarted },
  /** The latest bundle check of the plan, or null before one finished. */
  'cleanup:coverage': { request: PlanRef, response: CoverageReportSchema.nullable() },
  /** Exports the plan's projects (the kinds of data it deletes) into the folder: an export job. */
  'cleanup:backup': { request: PlanRef.extend({ folderId: Id, language: LanguageSchema.optional() }).strict(), response: JobStarted },
  /** Runs the plan; main enforces the confirmation and the backup gate itself. */
  'cleanup:run': {
    /** `language`: of the receipt, the interface's at cleanup time. */
    request: PlanRef.extend({ confirmText: z.string().max(1000), backup: CleanupBackupRequest, language: LanguageSchema.optional() }).strict(),
    response: JobStarted,
  },
  /** The receipt of the plan's latest run, or null before one finished. */
  'cleanup:receipt': { request: PlanRef, response: ReceiptSchema.nullable() },
  /** Opens the receipt's HTML page in the system browser. */
  'cleanup:openReceipt': { request: PlanRef, response: z.object({ opened: z.boolean() }) },
  /** The user's saved preferences (language: null until one is chosen in Settings). */
  'preferences:get': { request: NoArguments, response: PreferencesSchema },
  /** Changes any subset of the preferences (language null goes back to following the OS). */
  'preferences:set': { request: PreferencesUpdateSchema, response: PreferencesSchema },
  /** Main's folder dialog for the default export folder; the preferences after the choice (unchanged if cancelled). */
  'preferences:chooseExportFolder': { request: NoArguments, response: PreferencesSchema },
  /** A new, empty subfolder of the default export folder for the active account, or null when none is set. */
  'export:defaultFolder': { request: NoArguments, response: ChosenFolderSchema.nullable() },
  /**
   * Forgets every saved account (keychain entries included) and deletes CV Steward's own data
   * (settings, inventory, plans, journals, receipts, logs). Bundles the user exported are not
   * touched; nothing in Azure is touched. Refused while a job runs.
   */
  'app:forgetEverything': {
    request: z.object({ confirm: z.literal(true) }).strict(),
    response: z.object({ accountsForgotten: z.number().int(), filesRemoved: z.number().int() }),
  },
  /** Shows a bundle folder, a receipt or the logs folder in the system's file manager. */
  'app:showInFolder': { request: z.object({ target: ShowInFolderTargetSchema }).strict(), response: z.object({ shown: z.boolean() }) },
  /** Opens CV Steward's own data folder (settings, plans, receipts, journals) in the system's file manager. */
  'app:openDataFolder': { request: NoArguments, response: z.object({ opened: z.boolean() }) },
  /** Jobs that were running when CV Steward last quit or was killed. */
  'jobs:interrupted': { request: NoArguments, response: z.array(InterruptedJobSchema) },
  /** Resumes an export into its bundle (a new job), or hands a cleanup's plan back to the wizard. */
  'jobs:resumeInterrupted': {
    request: InterruptedRef,
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('export'), jobId: z.string() }),
      z.object({ kind: z.literal('cleanup'), planId: z.string() }),
    ]),
  },
  'jobs:dismissInterrupted': { request: InterruptedRef, response: z.object({ dismissed: z.boolean() }) },
  /** Cleanup plans saved in the data folder, newest first. */
  'cleanup:plans': { request: z.object({ language: LanguageSchema.optional() }).strict(), response: z.array(SavedPlanSchema) },
} as const satisfies Record<`${string}:${string}`, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  /** A job changed: throttled to about 10 per second per job while it runs. */
  'jobs:progress': JobSnapshotSchema,
  /** A job reached succeeded, failed or cancelled (never throttled, sent exactly once). */
  'jobs:finished': JobSnapshotSchema,
  /** The account list or the active account changed. */
  'accounts:changed': AccountListSchema,
  /** The inventory grew (throttled while a scan runs). */
  'inventory:updated': InventorySnapshotSchema,
  /** The application menu asked for a page (e.g. Settings… / Preferences…). */
  'app:navigate': z.object({ page: PageSchema }),
  /** The preferences changed (in another window, or by "forget everything"). */
  'preferences:changed': PreferencesSchema,
} as const satisfies Record<`${string}:${string}`, z.ZodType>;

export type InvokeContract = typeof invokeContract;
export type EventContract = typeof eventContract;
export type InvokeChannel = keyof InvokeContract;
export type EventChannel = keyof EventContract;
export type RequestOf<C extends InvokeChannel> = z.infer<InvokeContract[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.infer<InvokeContract[C]['response']>;
export type EventPayloadOf<E extends EventChannel> = z.infer<EventContract[E]>;

// Object.keys is typed string[]; the objects above are literals, so their keys are exactly the channels.
export const INVOKE_CHANNELS = Object.freeze(Object.keys(invokeContract)) as readonly InvokeChannel[];
export const EVENT_CHANNELS = Object.freeze(Object.keys(eventContract)) as readonly EventChannel[];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(invokeContract, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(eventContract, value);
}
