import { useEffect, type MouseEvent } from 'react';
import { InventoryAccountDetails } from '../components/inventory-account-details';
import { InventoryCategoryRows } from '../components/inventory-category-rows';
import { InventoryProjectList } from '../components/inventory-project-list';
import { InventoryScanBar } from '../components/inventory-scan-bar';
import { hashForPage } from '../store/hash-routing';
import { selectActiveInventory, selectInventoryBusy, useStewardStore } from '../store';

/** Inventory: everything Custom Vision holds for the active account, scanned without downloading. */
export function InventoryPage() {
  const account = useStewardStore((state) => state.accounts.find((a) => a.accountId === state.activeAccountId));
  const accountsStatus = useStewardStore((state) => state.accountsStatus);
  const snapshot = useStewardStore(selectActiveInventory);
  const busy = useStewardStore(selectInventoryBusy);
  const loadInventory = useStewardStore((state) => state.loadInventory);
  const navigate = useStewardStore((state) => state.navigate);
  const accountId = account?.accountId;

  // Main keeps the latest scan of each account: fetch it when the page opens or the account changes.
  useEffect(() => {
    if (accountId !== undefined) void loadInventory();
  }, [accountId, loadInventory]);

  const toAccounts = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    navigate('accounts');
  };

  return (
    <>
      <h1 tabIndex={-1}>Inventory</h1>
      <p className="lead">
        Everything Custom Vision holds for your account: projects, iterations and their performance, tags, images
        (including those that survive only inside trained iterations), exported models and stored predictions.
      </p>
      {!account ? (
        <section className="panel" aria-labelledby="inventory-no-account-heading">
          <h2 id="inventory-no-account-heading">No account in use</h2>
          <p>
            {accountsStatus === 'loading' || accountsStatus === 'idle' ? 'Loading your accounts… ' : ''}
            Connect your Custom Vision resource, or try the demo account, on the{' '}
            <a href={hashForPage('accounts')} onClick={toAccounts}>
              Accounts page
            </a>
            ; then come back here to scan it.
          </p>
        </section>
      ) : (
        <>
          <InventoryScanBar account={account} snapshot={snapshot} />
          {snapshot && (
            <>
              <InventoryCategoryRows snapshot={snapshot} busy={busy} />
              <InventoryAccountDetails snapshot={snapshot} />
              <InventoryProjectList snapshot={snapshot} busy={busy} />
            </>
          )}
        </>
      )}
    </>
  );
}
