import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';

interface AccountForgetConfirmProps {
  accountId: string;
  name: string;
  demo: boolean;
  onKeep(): void;
  onForgotten(): void;
}

/**
 * Asks before forgetting, inline. "Keep" gets the focus, so a stray Enter changes nothing;
 * Escape keeps the account too.
 */
export function AccountForgetConfirm({ accountId, name, demo, onKeep, onForgotten }: AccountForgetConfirmProps) {
  const { t } = useTranslation();
  const questionId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const forgetting = useStewardStore((state) => state.pendingAccountActions[accountId] === 'forget');
  const forgetAccount = useStewardStore((state) => state.forgetAccount);

  useEffect(() => keepRef.current?.focus(), []);

  const confirm = async () => {
    if (forgetting) return;
    // A refusal is shown in the global error list; the question stays so the user can retry.
    if (await forgetAccount(accountId)) onForgotten();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || forgetting) return;
    event.preventDefault();
    onKeep();
  };

  // The demo's key lives only in memory, so the keychain sentence would not be true for it.
  const question = demo ? t('accounts.forget.questionDemo', { name }) : t('accounts.forget.questionKeychain', { name });

  return (
    <div className="confirm" role="group" aria-labelledby={questionId} onKeyDown={onKeyDown}>
      <p id={questionId} className="confirm-question">
        {question}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          aria-disabled={forgetting || undefined}
          aria-label={t('accounts.forget.confirmLabel', { name })}
          onClick={() => void confirm()}
        >
          {t('accounts.forget.confirm')}
        </button>
        <button
          ref={keepRef}
          type="button"
          className="button"
          aria-disabled={forgetting || undefined}
          aria-label={t('accounts.forget.keepLabel', { name })}
          onClick={() => !forgetting && onKeep()}
        >
          {t('accounts.forget.keep')}
        </button>
      </div>
    </div>
  );
}
