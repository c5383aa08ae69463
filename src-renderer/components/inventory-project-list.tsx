import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventorySnapshot } from '../../shared/model/inventory';
import { formatCount } from '../lib/format';
import { InventoryProjectItem } from './inventory-project-item';
import { VirtualList } from './virtual-list';

/** The drill-down: every project (virtualised for hundreds), each expanding to its details. */
export function InventoryProjectList({ snapshot, busy }: { snapshot: InventorySnapshot; busy: boolean }) {
  const { t } = useTranslation();
  // Kept here, not in the rows: a virtualised row unmounts when scrolled away.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (projectId: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(projectId)) next.delete(projectId);
      else next.add(projectId);
      return next;
    });
  const { projects } = snapshot;

  return (
    <section className="panel" aria-labelledby="inventory-projects-heading">
      <h2 id="inventory-projects-heading">
        {projects.length > 0 ? t('inventory.projects.headingCount', { n: formatCount(projects.length) }) : t('inventory.projects.heading')}
      </h2>
      {projects.length === 0 ? (
        <p className="empty-state">{snapshot.state === 'scanning' ? t('inventory.projects.looking') : t('inventory.projects.none')}</p>
      ) : (
        <VirtualList variant="inventory"
          items={projects}
          getKey={(project) => project.id}
          label={t('inventory.projects.listLabel')}
          estimateRowHeight={76}
          threshold={30}
          className="inventory-projects"
          renderItem={(project) => (
            <InventoryProjectItem project={project} expanded={expanded.has(project.id)} onToggle={() => toggle(project.id)} busy={busy} />
          )}
        />
      )}
    </section>
  );
}
