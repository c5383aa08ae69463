import { useTranslation } from 'react-i18next';
import { describeAppError, type AppErrorInput } from '../lib/app-error';
import { useStewardStore } from '../store';

/**
 * An error from main in the user's language: the catalogue's sentence for its code, then
 * main's own words (which may name a folder, a count or a request id) as a smaller
 * "Details" line. Inline (spans), so it fits in any paragraph that shows an error.
 */
export function AppErrorMessage({ error }: { error: AppErrorInput }) {
  // Subscribes to language changes: the headline is re-translated when the language switches.
  const { t } = useTranslation();
  const { headline, details } = describeAppError(error);
  return (
    <>
      <span className="error-headline">{headline}</span>
      {details !== null && <span className="error-details">{t('errors.details', { message: details })}</span>}
    </>
  );
}

/**
 * The global list of problems. The alert region is always in the document (empty when all
 * is well) so screen readers announce an error the moment it is added.
 */
export function ErrorSurface() {
  const { t } = useTranslation();
  const errors = useStewardStore((state) => state.errors);
  const dismissError = useStewardStore((state) => state.dismissError);

  return (
    <section className="error-surface" aria-label={t('errors.regionLabel')}>
      <div role="alert" aria-live="assertive" aria-atomic="false">
        {errors.length > 0 && (
          <ul className="error-list">
            {errors.map((error) => (
              <li key={error.id} className="error-item">
                <p className="error-text">
                  <code className="error-code">{error.code}</code> <AppErrorMessage error={error} />
                </p>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('errors.dismissLabel', { code: error.code, message: describeAppError(error).headline })}
                  onClick={() => dismissError(error.id)}
                >
                  {t('errors.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
