import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';

/** Accounts › No Azure subscription?: starts the built-in demo account. */
export function DemoAccountSection() {
  const { t } = useTranslation();
  const startingDemo = useStewardStore((state) => state.startingDemo);
  const startDemo = useStewardStore((state) => state.startDemo);
  const demoActive = useStewardStore((state) => state.demoAccountId !== null && state.activeAccountId === state.demoAccountId);
  // A flag, not the sentence: the sentence follows a language change while it is shown.
  const [started, setStarted] = useState(false);

  const start = async () => {
    if (startingDemo) return;
    setStarted(false);
    // A failure is shown in the global error list.
    if (await startDemo()) setStarted(true);
  };

  return (
    <section className="panel" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('accounts.demo.heading')}</h2>
      <p>{t('accounts.demo.text')}</p>
      {/* aria-disabled rather than disabled, so keyboard focus stays on the button while it starts. */}
      <button type="button" className="button" aria-disabled={startingDemo || undefined} onClick={() => void start()}>
        {startingDemo ? t('common.starting') : t('accounts.demo.start')}
      </button>
      <p role="status" className="notice">
        {demoActive && started ? t('accounts.demo.ready') : ''}
      </p>
    </section>
  );
}
