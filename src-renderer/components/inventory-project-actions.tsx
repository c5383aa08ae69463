import { useTranslation } from 'react-i18next';
import type { CleanupScope } from '../../shared/model/cleanup';
import type { ProjectRow } from '../../shared/model/inventory';
import { useStewardStore } from '../store';

/**
 * Per-project deletion: each action opens the Cleanup wizard with its scope filled in, so
 * it goes through the same plan, backup check, confirmation and proof as everything else.
 */
export function InventoryProjectActions({ project, name }: { project: ProjectRow; name: string }) {
  const { t } = useTranslation();
  const beginCleanup = useStewardStore((state) => state.beginCleanup);
  const actions: Array<{ id: string; label: string; scope: CleanupScope; empty: boolean }> = [
    {
      id: 'untagged',
      label: t('inventory.actions.deleteUntagged'),
      scope: { kind: 'part', projectId: project.id, part: { kind: 'untaggedImages' } },
      empty: project.counts.untaggedImages === 0,
    },
    {
      id: 'predictions',
      label: t('inventory.actions.deletePredictions'),
      scope: { kind: 'part', projectId: project.id, part: { kind: 'predictions' } },
      empty: project.counts.predictions === 0,
    },
    { id: 'project', label: t('inventory.actions.deleteProject'), scope: { kind: 'projects', projectIds: [project.id] }, empty: false },
  ];

  return (
    <>
      <h4 className="inventory-subheading">{t('inventory.actions.heading')}</h4>
      <p className="inventory-hint">{t('inventory.actions.hint')}</p>
      <div className="form-actions" role="group" aria-label={t('inventory.actions.groupLabel', { name })}>
        {actions.map((action) => (
          <button
            key={action.id}
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
