import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';
import { AccountItem } from './account-item';

/** Accounts › Your accounts: every saved account, the active one marked. */
export function AccountList() {
  const { t } = useTranslation();
  const accounts = useStewardStore((state) => state.accounts);
  const activeAccountId = useStewardStore((state) => state.activeAccountId);
  const demoAccountId = useStewardStore((state) => state.demoAccountId);
  const status = useStewardStore((state) => state.accountsStatus);
  const loadAccounts = useStewardStore((state) => state.loadAccounts);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A notice describes the state it was made in: once another account becomes active
  // (here, from the demo section or from elsewhere) it would mislead, so it is hidden.
  const [notice, setNotice] = useState<{ text: string; activeAccountId: string | null }>({ text: '', activeAccountId: null });
  const say = (text: string) => setNotice({ text, activeAccountId: useStewardStore.getState().activeAccountId });

  // The app loads accounts when it connects to main; this covers a page shown without that.
  useEffect(() => {
    if (useStewardStore.getState().accountsStatus === 'idle') void loadAccounts();
  }, [loadAccounts]);

  const onForgotten = (message: string) => {
    say(message);
    // The forgotten account's buttons are gone; the list heading is the nearest place to land.
    headingRef.current?.focus();
  };

  return (
    <section className="panel" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading" ref={headingRef} tabIndex={-1}>
        {t('accounts.list.heading')}
      </h2>
      {/* Always in the document, so screen readers announce each new message. */}
      <p role="status" className="notice">
        {notice.activeAccountId === activeAccountId ? notice.text : ''}
      </p>
      {accounts.length > 0 && (
        <ul className="account-list">
          {accounts.map((account) => (
            <AccountItem
              key={account.accountId}
              account={account}
              active={account.accountId === activeAccountId}
              demo={account.accountId === demoAccountId}
              onNotice={say}
              onForgotten={onForgotten}
            />
          ))}
        </ul>
      )}
      {accounts.length === 0 && (status === 'idle' || status === 'loading') && <p>{t('accounts.list.loading')}</p>}
      {accounts.length === 0 && status === 'ready' && <p className="empty-state">{t('accounts.list.empty')}</p>}
      {status === 'error' && (
        <div className="inline-error">
          <p>{t('accounts.list.loadFailed')}</p>
          <button type="button" className="button" onClick={() => void loadAccounts()}>
            {t('common.tryAgain')}
          </button>
        </div>
      )}
    </section>
  );
}
