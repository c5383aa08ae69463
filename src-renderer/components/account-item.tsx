import { useEffect, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../shared/model/account';
import { accountName } from '../lib/account-labels';
import { useStewardStore } from '../store';
import { AccountForgetConfirm } from './account-forget-confirm';
import { AccountRenameForm } from './account-rename-form';

type Mode = 'view' | 'rename' | 'forget';

interface AccountItemProps {
  account: AccountSummary;
  active: boolean;
  demo: boolean;
  /** A short sentence for the list's status line ("Now using …"). */
  onNotice(message: string): void;
  /** The account is gone; the list announces it and takes the focus. */
  onForgotten(message: string): void;
}

/** One saved account: what identifies it, and Use / Rename / Forget. */
export function AccountItem({ account, active, demo, onNotice, onForgotten }: AccountItemProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const name = accountName(account);
  const [mode, setMode] = useState<Mode>('view');
  const busy = useStewardStore((state) => state.pendingAccountActions[account.accountId] !== undefined);
  const switchAccount = useStewardStore((state) => state.switchAccount);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const forgetRef = useRef<HTMLButtonElement>(null);
  const returnFocusTo = useRef<'rename' | 'forget' | null>(null);

  // Back from the rename form or the question: the button that opened it gets the focus
  // again, once it is back in the document.
  useEffect(() => {
    if (mode !== 'view' || !returnFocusTo.current) return;
    (returnFocusTo.current === 'rename' ? renameRef : forgetRef).current?.focus();
    returnFocusTo.current = null;
  }, [mode]);

  const backToView = (button: 'rename' | 'forget') => {
    // The button is not rendered while the form is open, so it is looked up after the render.
    returnFocusTo.current = button;
    setMode('view');
  };

  const switchToThis = async () => {
    if (busy) return;
    if (!(await switchAccount(account.accountId))) return;
    onNotice(t('accounts.item.nowUsing', { name }));
    // The button that was pressed is gone now that this account is active.
    headingRef.current?.focus();
  };

  return (
    <li className={active ? 'account account-active' : 'account'} aria-current={active ? 'true' : undefined}>
      <div className="account-head">
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="account-name">
          {name}
        </h3>
        {active && <span className="badge badge-active">{t('accounts.item.active')}</span>}
        {demo && <span className="badge badge-demo">{t('accounts.item.demo')}</span>}
      </div>
      <p className="account-meta">
        <Trans
          i18nKey="accounts.item.endpoint"
          values={{ host: account.endpointHost }}
          components={{ host: <span className="account-host" /> }}
        />
      </p>
      <p className="account-meta">
        <Trans i18nKey="accounts.item.fingerprint" values={{ fingerprint: account.keyFingerprint }} components={{ code: <code /> }} />
      </p>
      {mode === 'view' && (
        <div className="account-actions" role="group" aria-labelledby={headingId}>
          {!active && (
            <button
              type="button"
              className="button button-primary"
              aria-disabled={busy || undefined}
              aria-label={t('accounts.item.useLabel', { name })}
              onClick={() => void switchToThis()}
            >
              {t('accounts.item.use')}
            </button>
          )}
          <button
            ref={renameRef}
            type="button"
            className="button"
            aria-disabled={busy || undefined}
            aria-label={t('accounts.item.renameLabel', { name })}
            onClick={() => !busy && setMode('rename')}
          >
            {t('accounts.item.rename')}
          </button>
          <button
            ref={forgetRef}
            type="button"
            className="button button-danger"
            aria-disabled={busy || undefined}
            aria-label={t('accounts.item.forgetLabel', { name })}
            onClick={() => !busy && setMode('forget')}
          >
            {t('accounts.item.forget')}
          </button>
        </div>
      )}
      {mode === 'rename' && (
        <AccountRenameForm
          accountId={account.accountId}
          currentName={name}
          onClose={(renamedTo) => {
            if (renamedTo !== null) onNotice(t('accounts.item.renamed', { name: renamedTo }));
            backToView('rename');
          }}
        />
      )}
      {mode === 'forget' && (
        <AccountForgetConfirm
          accountId={account.accountId}
          name={name}
          demo={demo}
          onKeep={() => backToView('forget')}
          onForgotten={() => onForgotten(t('accounts.item.forgot', { name }))}
        />
      )}
    </li>
  );
}
