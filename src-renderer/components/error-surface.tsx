import { useStewardStore } from '../store';

/**
 * The global list of problems. The alert region is always in the document (empty when all
 * is well) so screen readers announce an error the moment it is added.
 */
export function ErrorSurface() {
  const errors = useStewardStore((state) => state.errors);
  const dismissError = useStewardStore((state) => state.dismissError);

  return (
    <section className="error-surface" aria-label="Problems">
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
                  aria-label={`Dismiss ${error.code}: ${error.message}`}
                  onClick={() => dismissError(error.id)}
                >
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
