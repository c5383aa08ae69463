import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPLAY_NAME_MAX_LENGTH } from '../../shared/model/account';
import { useStewardStore } from '../store';

interface AccountRenameFormProps {
  accountId: string;
  currentName: string;
  /** Called with the new name once main saved it, or null when the user cancelled. */
  onClose(renamedTo: string | null): void;
}

/** Inline rename: a labelled field with Save and Cancel; Escape cancels. */
export function AccountRenameForm({ accountId, currentName, onClose }: AccountRenameFormProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const problemId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(currentName);
  const [problem, setProblem] = useState<string | null>(null);
  const saving = useStewardStore((state) => state.pendingAccountActions[accountId] === 'rename');
  const renameAccount = useStewardStore((state) => state.renameAccount);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const next = value.trim();
    if (next === '') {
      setProblem(t('accounts.rename.empty'));
      inputRef.current?.focus();
      return;
    }
    if (next === currentName) {
      onClose(null);
      return;
    }
    // A refusal is shown in the global error list; the form stays open with what was typed.
    if (await renameAccount(accountId, next)) onClose(next);
    else inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose(null);
  };

  return (
    <form className="inline-form" noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
      <label htmlFor={inputId} className="field-label">
        {t('accounts.rename.label', { name: currentName })}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        className="input"
        value={value}
        maxLength={DISPLAY_NAME_MAX_LENGTH}
        autoComplete="off"
        aria-invalid={problem !== null || undefined}
        aria-describedby={problem !== null ? problemId : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setProblem(null);
        }}
      />
      {problem !== null && (
        <p id={problemId} className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          aria-disabled={saving || undefined}
          aria-label={t('accounts.rename.saveLabel', { name: currentName })}
        >
          {t('common.save')}
        </button>
        <button
          type="button"
          className="button"
          aria-label={t('accounts.rename.cancelLabel', { name: currentName })}
          onClick={() => onClose(null)}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
