/**
 * The receipt (docs/architecture.md, "Cleanup"): what was asked (scope, plan counts), every
 * call the journal holds with its status and request id, the proof, the backup relied on
 * or the waiver, and what the API cannot delete. Written as JSON (ReceiptSchema) and as a
 * standalone HTML page next to the plan, both in the language chosen when the cleanup was
 * run, each atomically (tmp + fsync + rename), so a receipt on disk is always a whole one.
 */
import type { Language } from '../../shared/model/preferences';
import { ReceiptSchema, type CleanupPlan, type Receipt, type Verification } from '../../shared/model/cleanup';
import type { BackupRecord, CleanupJournal, StartLine } from './cleanup-journal';
import { provenItems } from '../../shared/model/proven-items';
import { renderReceiptHtml } from './receipt-html';
import { notDeletableFor } from './receipt-not-deletable';
import { planScopeText } from './planner';
import { writeFileDurably } from '../fs/durable-write';

export interface ReceiptInput {
  plan: CleanupPlan;
  journal: CleanupJournal;
  verifications: Verification[];
  finishedAt: Date;
  /** The receipt's language. Default 'en'. */
  language?: Language;
}

export function buildReceipt(input: ReceiptInput): Receipt {
  const { plan, journal } = input;
  const language = input.language ?? 'en';
  const starts = journal.starts();
  const first = starts[0];
  if (!first) throw new Error('a receipt needs a journaled run start');
  const receipt: Receipt = {
    format: 'cv-steward-cleanup-receipt',
    version: 1,
    language,
    planId: plan.planId,
    account: plan.account,
    scope: plan.scope,
    scopeText: planScopeText(plan, language),
    startedAt: first.at,
    finishedAt: input.finishedAt.toISOString(),
    backup: backupRelied(starts),
    counts: plan.counts,
    calls: journal.calls(),
    verifications: input.verifications,
    proven: provenItems(input.verifications),
    complete: plan.steps.length === input.verifications.length && input.verifications.every((verification) => verification.verified),
    leftInPlace: plan.steps.flatMap((step) =>
      journal.dropped(step.index).map(({ id, reason, reasonText }) => ({ projectId: step.projectId, category: step.category, id, reason, ...(reasonText === undefined ? {} : { reasonText }) })),
    ),
    implicit: takenAlong(plan),
    notDeletable: notDeletableFor(language),
  };
  // The shape is a contract with the renderer and with whoever reads the file later.
  return ReceiptSchema.parse(receipt);
}

/**
 * What the plan's deletions took along without a call naming it, per project: the receipt
 * is read later without the plan, and this is data the user lost all the same.
 */
export function takenAlong(plan: CleanupPlan): NonNullable<Receipt['implicit']> {
  return plan.projects.flatMap(({ id, implicit }) =>
    implicit && implicit.imageIds.length + implicit.models.length + implicit.performance.length > 0 ? [{ projectId: id, ...implicit }] : [],
  );
}

/**
 * Which backup the deletions relied on, over every run of the plan: a waiver in any run
 * means some deletions had no backup, so the earliest waiver is what the receipt states;
 * otherwise the first run's bundle.
 */
export function backupRelied(starts: readonly StartLine[]): BackupRecord {
  const waiver = starts.find((start) => start.backup.kind === 'waived');
  const chosen = waiver ?? starts[0];
  if (!chosen) throw new Error('no run start journaled');
  return chosen.backup;
}

export interface ReceiptPaths {
  receiptJson: string;
  receiptHtml: string;
}

export async function writeReceipt(paths: ReceiptPaths, receipt: Receipt, projectNames: ReadonlyMap<string, string>): Promise<void> {
  await writeFileDurably(paths.receiptJson, `${JSON.stringify(receipt, null, 2)}\n`);
  await writeFileDurably(paths.receiptHtml, renderReceiptHtml(receipt, projectNames));
}

