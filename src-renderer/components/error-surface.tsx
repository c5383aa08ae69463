import { useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';

/**
 * The global list of problems. The alert region is always in the document (empty when all
 * is well) so screen readers announce an error the moment it is added. Messages from main
 * are shown as main wrote them.
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
                  <code className="error-code">{error.code}</code> <span>{error.message}</span>
                </p>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('errors.dismissLabel', { code: error.code, message: error.message })}
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
