import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPLAY_NAME_MAX_LENGTH, ENDPOINT_MAX_LENGTH, KEY_MAX_LENGTH } from '../../shared/model/account';
import { accountName, fieldForConnectError } from '../lib/account-labels';
import { useStewardStore } from '../store';
import { AppErrorMessage } from './error-surface';

/**
 * Accounts › Connect an account. The key lives only in this component's state: it is
 * handed to main once and cleared as soon as main has accepted it.
 */
export function ConnectAccountForm() {
  const { t } = useTranslation();
  const ids = { endpoint: useId(), endpointHint: useId(), key: useId(), keyHint: useId(), name: useId(), nameHint: useId(), error: useId() };
  const [endpoint, setEndpoint] = useState('');
  const [key, setKey] = useState('');
  const [displayName, setDisplayName] = useState('');
  const endpointRef = useRef<HTMLInputElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const connecting = useStewardStore((state) => state.connecting);
  const connectError = useStewardStore((state) => state.connectError);
  // Shown while that account is still the active one; after a switch it would mislead.
  const connected = useStewardStore((state) =>
    state.activeAccountId === state.lastConnectedAccountId
      ? state.accounts.find((a) => a.accountId === state.lastConnectedAccountId)
      : undefined,
  );
  const connectAccount = useStewardStore((state) => state.connectAccount);
  const badField = connectError ? fieldForConnectError(connectError.code) : null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (connecting) return;
    const ok = await connectAccount({ endpoint, key, displayName });
    if (ok) {
      setEndpoint('');
      setKey('');
      setDisplayName('');
      return;
    }
    // Put the cursor where the fix goes; the alert below says what to fix.
    const problem = useStewardStore.getState().connectError;
    const field = problem ? fieldForConnectError(problem.code) : null;
    if (field === 'endpoint') endpointRef.current?.focus();
    if (field === 'key') keyRef.current?.focus();
  };

  const describedBy = (hint: string, field: 'endpoint' | 'key') => (badField === field ? `${ids.error} ${hint}` : hint);

  return (
    <section className="panel" aria-labelledby="connect-heading">
      <h2 id="connect-heading">{t('accounts.connect.heading')}</h2>
      <form className="connect-form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={ids.endpoint} className="field-label">
            {t('accounts.connect.endpoint')}
          </label>
          <input
            ref={endpointRef}
            id={ids.endpoint}
            type="url"
            className="input"
            placeholder={t('accounts.connect.endpointPlaceholder')}
            value={endpoint}
            maxLength={ENDPOINT_MAX_LENGTH}
            required
            autoComplete="off"
            spellCheck={false}
            aria-invalid={badField === 'endpoint' || undefined}
            aria-describedby={describedBy(ids.endpointHint, 'endpoint')}
            onChange={(event) => setEndpoint(event.target.value)}
          />
          <p id={ids.endpointHint} className="field-hint">
            {t('accounts.connect.endpointHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.key} className="field-label">
            {t('accounts.connect.key')}
          </label>
          <input
            ref={keyRef}
            id={ids.key}
            type="password"
            className="input"
            value={key}
            maxLength={KEY_MAX_LENGTH}
            required
            autoComplete="off"
            spellCheck={false}
            aria-invalid={badField === 'key' || undefined}
            aria-describedby={describedBy(ids.keyHint, 'key')}
            onChange={(event) => setKey(event.target.value)}
          />
          <p id={ids.keyHint} className="field-hint">
            {t('accounts.connect.keyHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.name} className="field-label">
            {t('accounts.connect.name')}
          </label>
          <input
            id={ids.name}
            type="text"
            className="input"
            value={displayName}
            maxLength={DISPLAY_NAME_MAX_LENGTH}
            autoComplete="off"
            aria-describedby={ids.nameHint}
            onChange={(event) => setDisplayName(event.target.value)}
          />
          <p id={ids.nameHint} className="field-hint">
            {t('accounts.connect.nameHint')}
          </p>
        </div>
        {connectError && (
          <div id={ids.error} className="form-error" role="alert">
            <p>
              <AppErrorMessage error={connectError} /> <code className="form-error-code">{connectError.code}</code>
            </p>
          </div>
        )}
        <div className="form-actions">
          {/* aria-disabled rather than disabled, so keyboard focus stays on the button while main checks. */}
          <button type="submit" className="button button-primary" aria-disabled={connecting || undefined}>
            {connecting ? t('accounts.connect.checking') : t('accounts.connect.submit')}
          </button>
        </div>
        <p role="status" className="notice">
          {connected && !connecting ? t('accounts.connect.connected', { name: accountName(connected) }) : ''}
        </p>
      </form>
    </section>
  );
}
