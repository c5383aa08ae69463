import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectCounts, ProjectRow } from '../../shared/model/inventory';
import { i18n } from '../i18n';
import { formatCount } from '../lib/format';
import { imagesText } from '../lib/image-counts';
import { useStewardStore } from '../store';
import { VirtualList } from './virtual-list';

/** The project's images in the words the Inventory uses (the bundle holds both the workspace's and those only in iterations). */
function imageText(counts: ProjectCounts): string {
  return imagesText(counts) ?? i18n.t('export.projects.imagesNotCounted');
}

function ProjectCheck({ project, checked }: { project: ProjectRow; checked: boolean }) {
  const { t } = useTranslation();
  const setProject = useStewardStore((state) => state.setExportProject);
  return (
    <label className="export-check">
      <input type="checkbox" checked={checked} onChange={(event) => setProject(project.id, event.target.checked)} />
      <span className="export-check-text">
        {/* The name is API data: React renders it as text, never as markup. */}
        <span className="export-check-name">{project.name || t('export.projects.unnamed')}</span>
        <span className="export-count"> — {imageText(project.counts)}</span>
      </span>
    </label>
  );
}

/** "What to export": one checkbox per project of the latest inventory. */
export function ExportProjects() {
  const { t } = useTranslation();
  const inventory = useStewardStore((state) => state.exportInventory);
  const excludedIds = useStewardStore((state) => state.exportExcludedProjectIds);
  const selectAll = useStewardStore((state) => state.selectAllExportProjects);
  const selectNone = useStewardStore((state) => state.selectNoExportProjects);
  const excluded = useMemo(() => new Set(excludedIds), [excludedIds]);

  if (!inventory) {
    return (
      <fieldset className="export-fieldset">
        <legend className="export-legend">{t('export.projects.legend')}</legend>
        <p className="field-hint">{t('export.projects.notScanned')}</p>
      </fieldset>
    );
  }

  const projects = inventory.projects;
  const selectedCount = projects.filter((project) => !excluded.has(project.id)).length;
  return (
    <fieldset className="export-fieldset">
      <legend className="export-legend">{t('export.projects.legend')}</legend>
      {inventory.state === 'scanning' && <p className="field-hint">{t('export.projects.stillScanning')}</p>}
      {projects.length === 0 ? (
        <p className="empty-state">{t('export.projects.none')}</p>
      ) : (
        <>
          <div className="export-project-head">
            <p className="export-selected-count" aria-live="polite">
              {t('export.projects.selected', { selected: formatCount(selectedCount), total: formatCount(projects.length) })}
            </p>
            {/* Never disabled: a button that disables itself when pressed would drop keyboard focus. */}
            <div className="export-inline-actions">
              <button type="button" className="button button-quiet" onClick={selectAll}>
                {t('export.projects.selectAll')}
              </button>
              <button type="button" className="button button-quiet" onClick={selectNone}>
                {t('export.projects.selectNone')}
              </button>
            </div>
          </div>
          <VirtualList variant="export"
            items={projects}
            getKey={(project) => project.id}
            label={t('export.projects.listLabel')}
            renderItem={(project) => <ProjectCheck project={project} checked={!excluded.has(project.id)} />}
          />
          {selectedCount === 0 && <p className="field-problem">{t('export.projects.chooseOne')}</p>}
        </>
      )}
    </fieldset>
  );
}
