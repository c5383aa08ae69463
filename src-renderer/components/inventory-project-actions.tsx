import type { CleanupScope } from '../../shared/model/cleanup';
import type { ProjectRow } from '../../shared/model/inventory';
import { useStewardStore } from '../store';

/**
 * Per-project deletion: each action opens the Cleanup wizard with its scope filled in, so
 * it goes through the same plan, backup check, confirmation and proof as everything else.
 */
export function InventoryProjectActions({ project, name }: { project: ProjectRow; name: string }) {
  const beginCleanup = useStewardStore((state) => state.beginCleanup);
  const actions: Array<{ label: string; scope: CleanupScope; empty: boolean }> = [
    {
      label: 'Delete untagged images',
      scope: { kind: 'part', projectId: project.id, part: { kind: 'untaggedImages' } },
      empty: project.counts.untaggedImages === 0,
    },
    {
      label: 'Delete stored predictions',
      scope: { kind: 'part', projectId: project.id, part: { kind: 'predictions' } },
      empty: project.counts.predictions === 0,
    },
    { label: 'Delete this project…', scope: { kind: 'projects', projectIds: [project.id] }, empty: false },
  ];

  return (
    <>
      <h4 className="inventory-subheading">Delete</h4>
      <p className="inventory-hint">Each opens the Cleanup page, where you review exactly what goes, back it up and confirm.</p>
      <div className="form-actions" role="group" aria-label={`Delete data of ${name}`}>
        {actions.map((action) => (
          <button
            key={action.label}
            type="button"
            className="button button-quiet button-danger"
            disabled={action.empty}
            onClick={() => beginCleanup(action.scope)}
          >
            {action.label}
            {/* The visible words stay the start of the name (WCAG "label in name"); the project follows. */}
            <span className="inventory-visually-hidden"> ({name})</span>
          </button>
        ))}
      </div>
    </>
  );
}
