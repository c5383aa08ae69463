import { useEffect, type MouseEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { InventoryAccountDetails } from '../components/inventory-account-details';
import { InventoryCategoryRows } from '../components/inventory-category-rows';
import { InventoryProjectList } from '../components/inventory-project-list';
import { InventoryScanBar } from '../components/inventory-scan-bar';
import { hashForPage } from '../store/hash-routing';
import { selectActiveInventory, selectInventoryBusy, useStewardStore } from '../store';

/** Inventory: everything Custom Vision holds for the active account, scanned without downloading. */
export function InventoryPage() {
  const { t } = useTranslation();
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
      <h1 tabIndex={-1}>{t('inventory.title')}</h1>
      <p className="lead">{t('inventory.lead')}</p>
      {!account ? (
        <section className="panel" aria-labelledby="inventory-no-account-heading">
          <h2 id="inventory-no-account-heading">{t('inventory.noAccount.heading')}</h2>
          <p>
            {(accountsStatus === 'loading' || accountsStatus === 'idle') && <>{t('inventory.noAccount.loading')} </>}
            <Trans
              i18nKey="inventory.noAccount.text"
              components={{ link: <a href={hashForPage('accounts')} onClick={toAccounts} /> }}
            />
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
