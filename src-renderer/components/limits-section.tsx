import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';
import { LIMIT_BOUNDS, limitProblem, type LimitName } from '../store/preferences-slice';

const LIMIT_NAMES: readonly LimitName[] = ['rateLimit', 'downloadConcurrency'];

type Drafts = Record<LimitName, string>;

/**
 * Settings › Exports › limits: how hard CV Steward pushes the service (API calls per
 * second) and the network (downloads at once). Typed values are checked against the same
 * bounds main enforces; nothing out of bounds is sent. Jobs read them as they start.
 */
export function LimitsSection() {
  const { t } = useTranslation();
  const baseId = useId();
  const rateLimit = useStewardStore((state) => state.preferences.rateLimit);
  const downloadConcurrency = useStewardStore((state) => state.preferences.downloadConcurrency);
  const busy = useStewardStore((state) => state.preferencesBusy === 'limits');
  const saveLimits = useStewardStore((state) => state.saveLimits);
  const savedText: Drafts = { rateLimit: String(rateLimit), downloadConcurrency: String(downloadConcurrency) };
  const [drafts, setDrafts] = useState<Drafts>(savedText);
  const [shownSaved, setShownSaved] = useState<Drafts>(savedText);
  const [notice, setNotice] = useState('');
  const inputs = useRef<Partial<Record<LimitName, HTMLInputElement | null>>>({});

  // New saved values (loaded, saved here, changed elsewhere, forgotten) replace the fields'
  // text; adjusting state while rendering keeps the same inputs, so focus stays put.
  if (savedText.rateLimit !== shownSaved.rateLimit || savedText.downloadConcurrency !== shownSaved.downloadConcurrency) {
    setShownSaved(savedText);
    setDrafts(savedText);
  }

  const problems: Record<LimitName, ReturnType<typeof limitProblem>> = {
    rateLimit: limitProblem('rateLimit', drafts.rateLimit),
    downloadConcurrency: limitProblem('downloadConcurrency', drafts.downloadConcurrency),
  };

  const submit = async () => {
    if (busy) return;
    setNotice('');
    const invalid = LIMIT_NAMES.find((name) => problems[name] !== null);
    if (invalid) {
      inputs.current[invalid]?.focus();
      return;
    }
    if (await saveLimits({ rateLimit: Number(drafts.rateLimit), downloadConcurrency: Number(drafts.downloadConcurrency) })) {
      setNotice(t('settings.limits.saved'));
    }
  };

  return (
    <form
      className="settings-group"
      aria-labelledby={`${baseId}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${baseId}-heading`}>{t('settings.limits.heading')}</h3>
      <p className="field-hint">{t('settings.limits.hint')}</p>
      {LIMIT_NAMES.map((name) => {
        const { min, max, default: fallback } = LIMIT_BOUNDS[name];
        const problem = problems[name];
        const ids = { input: `${baseId}-${name}`, hint: `${baseId}-${name}-hint`, problem: `${baseId}-${name}-problem` };
        return (
          <div key={name} className="field">
            <label htmlFor={ids.input} className="field-label">
              {t(`settings.limits.${name}.label`)}
            </label>
            <input
              ref={(element) => {
                inputs.current[name] = element;
              }}
              id={ids.input}
              className="input input-number"
              type="number"
              inputMode="numeric"
              min={min}
              max={max}
              step={1}
              value={drafts[name]}
              aria-invalid={problem !== null || undefined}
              aria-describedby={problem !== null ? `${ids.hint} ${ids.problem}` : ids.hint}
              onChange={(event) => {
                setNotice('');
                setDrafts({ ...drafts, [name]: event.target.value });
              }}
            />
            <p id={ids.hint} className="field-hint">
              {t(`settings.limits.${name}.hint`, { min, max, default: fallback })}
            </p>
            {problem !== null && (
              <p id={ids.problem} className="field-problem">
                {t(`settings.limits.problems.${problem}`, { min, max })}
              </p>
            )}
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('settings.limits.save')}
        </button>
      </div>
      <p className="notice" role="status">
        {notice}
      </p>
    </form>
  );
}
