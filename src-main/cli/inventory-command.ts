/**
 * `cv-steward inventory`: scans the account as an inventory job (the same scan as the
 * app's Inventory page) and prints a table, or the snapshot as one JSON line.
 */
import type { InventorySnapshot } from '../../shared/model/inventory';
import { scanJobCategories } from '../inventory';
import type { InventoryRequest } from './cli-args';
import { connect, resolveAccount } from './cli-account';
import { EXIT, type ExitCode } from './cli-errors';
import { progressPrinter, type CommandContext } from './command-context';
import { renderInventory } from './inventory-table';
import { runJob } from './job-session';

export async function inventoryCommand(context: CommandContext, request: InventoryRequest): Promise<ExitCode> {
  const account = await resolveAccount(request.account, { ...context, warn: (message) => context.err(`cv-steward: ${message}\n`) });
  context.hide(account.key);
  const client = await connect(account, context.services, request.ratePerSecond, context.interrupt);
  let snapshot: InventorySnapshot | undefined;
  const outcome = await runJob({
    kind: 'inventory',
    title: `Inventory of ${account.displayName}`,
    categories: scanJobCategories(),
    // The scan's progress counts projects visited per category, not items.
    printer: progressPrinter(context, request.quiet, (category) => (category === 'account' ? '' : 'projects')),
    ...(context.interrupt ? { interrupt: context.interrupt } : {}),
    work: (ctx) =>
      context.services.scanInventory(ctx, {
        client,
        account: {
          accountId: account.accountId,
          displayName: account.displayName,
          endpointHost: account.endpoint.host,
          resourceName: account.endpoint.resourceName ?? null,
          region: account.endpoint.region ?? null,
          keyFingerprint: account.keyFingerprint,
        },
        onSnapshot: (next) => {
          snapshot = next;
        },
      }),
  });
  if (outcome.state === 'cancelled') {
    context.err('Inventory cancelled: nothing was changed. Run it again to get the counts.\n');
    if (request.json) context.out(`${JSON.stringify({ command: 'inventory', ok: false, state: 'cancelled' })}\n`);
    return EXIT.failed;
  }
  if (outcome.state === 'failed') throw outcome.error;
  if (!snapshot) throw new Error('The scan finished without an inventory.');
  context.out(request.json ? `${JSON.stringify(snapshot)}\n` : renderInventory(snapshot, context.t));
  if (snapshot.state !== 'done') {
    context.err('The inventory is incomplete (see the problems listed); run it again to retry.\n');
    return EXIT.failed;
  }
  if (!request.json && !request.quiet) context.err(`${outcome.value}\n`);
  return EXIT.done;
}
