import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';

const DELETED = ['accounts', 'preferences', 'cleanups', 'interrupted', 'window', 'inventory', 'logs'] as const;
const KEPT = ['bundles', 'azure', 'other'] as const;

/**
 * Settings › danger zone: forgets every account and CV Steward's own data on this computer.
 * It says exactly what goes and what stays, and needs a deliberate tick before the button
 * works, so neither a stray click nor a stray Enter can start it.
 */
export function ForgetEverythingSection() {
  const { t } = useTranslation();
  const ids = { heading: useId(), confirm: useId(), explain: useId() };
  const [understood, setUnderstood] = useState(false);
  const busy = useStewardStore((state) => state.preferencesBusy === 'forget');
  const result = useStewardStore((state) => state.forgetResult);
  const forgetEverything = useStewardStore((state) => state.forgetEverything);
  const blocked = busy || !understood;

  return (
    <section className="panel panel-danger" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('settings.forget.heading')}</h2>
      <p id={ids.explain}>{t('settings.forget.intro')}</p>
      <h3>{t('settings.forget.deletedHeading')}</h3>
      <ul className="settings-list">
        {DELETED.map((item) => (
          <li key={item}>{t(`settings.forget.deleted.${item}`)}</li>
        ))}
      </ul>
      <h3>{t('settings.forget.keptHeading')}</h3>
      <ul className="settings-list">
        {KEPT.map((item) => (
          <li key={item}>{t(`settings.forget.kept.${item}`)}</li>
        ))}
      </ul>
      <p className="field-hint">{t('settings.forget.jobsHint')}</p>
      <label className="export-check" htmlFor={ids.confirm}>
        <input id={ids.confirm} type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
        <span className="export-check-text">{t('settings.forget.understand')}</span>
      </label>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger-solid"
          aria-disabled={blocked || undefined}
          aria-describedby={ids.explain}
          onClick={() => {
            if (blocked) return;
            void forgetEverything().then((done) => {
              if (done) setUnderstood(false);
            });
          }}
        >
          {busy ? t('settings.forget.working') : t('settings.forget.button')}
        </button>
      </div>
      <p className="notice" role="status">
        {result ? t('settings.forget.done', { accounts: result.accountsForgotten, files: result.filesRemoved }) : ''}
      </p>
    </section>
  );
}
