import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
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
  const consequence = demo
    ? 'This stops the demo account and its sample data on this computer. Nothing in Azure is changed.'
    : "This removes the key from this computer's keychain. Nothing in Azure is changed.";

  return (
    <div className="confirm" role="group" aria-labelledby={questionId} onKeyDown={onKeyDown}>
      <p id={questionId} className="confirm-question">
        Forget {name}? {consequence}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          aria-disabled={forgetting || undefined}
          aria-label={`Forget account: ${name}`}
          onClick={() => void confirm()}
        >
          Forget account
        </button>
        <button
          ref={keepRef}
          type="button"
          className="button"
          aria-disabled={forgetting || undefined}
          aria-label={`Keep ${name}`}
          onClick={() => !forgetting && onKeep()}
        >
          Keep
        </button>
      </div>
    </div>
  );
}
