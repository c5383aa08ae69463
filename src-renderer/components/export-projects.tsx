import { useMemo } from 'react';
import type { ProjectCounts, ProjectRow } from '../../shared/model/inventory';
import { formatCount } from '../lib/format';
import { useStewardStore } from '../store';
import { VirtualList } from './virtual-list';

/** Workspace images (tagged and untagged); null when the scan has not counted them. */
function imageCount({ taggedImages, untaggedImages }: ProjectCounts): number | null {
  if (taggedImages === null && untaggedImages === null) return null;
  return (taggedImages ?? 0) + (untaggedImages ?? 0);
}

function imageText(counts: ProjectCounts): string {
  const count = imageCount(counts);
  if (count === null) return 'images not counted yet';
  return `${formatCount(count)} ${count === 1 ? 'image' : 'images'}`;
}

function ProjectCheck({ project, checked }: { project: ProjectRow; checked: boolean }) {
  const setProject = useStewardStore((state) => state.setExportProject);
  return (
    <label className="export-check">
      <input type="checkbox" checked={checked} onChange={(event) => setProject(project.id, event.target.checked)} />
      <span className="export-check-text">
        {/* The name is API data: React renders it as text, never as markup. */}
        <span className="export-check-name">{project.name || '(unnamed project)'}</span>
        <span className="export-count"> — {imageText(project.counts)}</span>
      </span>
    </label>
  );
}

/** "What to export": one checkbox per project of the latest inventory. */
export function ExportProjects() {
  const inventory = useStewardStore((state) => state.exportInventory);
  const excludedIds = useStewardStore((state) => state.exportExcludedProjectIds);
  const selectAll = useStewardStore((state) => state.selectAllExportProjects);
  const selectNone = useStewardStore((state) => state.selectNoExportProjects);
  const excluded = useMemo(() => new Set(excludedIds), [excludedIds]);

  if (!inventory) {
    return (
      <fieldset className="export-fieldset">
        <legend className="export-legend">Projects</legend>
        <p className="field-hint">
          Scan the inventory to see your projects and choose among them. Until then, every project in the account is
          exported.
        </p>
      </fieldset>
    );
  }

  const projects = inventory.projects;
  const selectedCount = projects.filter((project) => !excluded.has(project.id)).length;
  return (
    <fieldset className="export-fieldset">
      <legend className="export-legend">Projects</legend>
      {inventory.state === 'scanning' && <p className="field-hint">The inventory scan is still running: the list may grow.</p>}
      {projects.length === 0 ? (
        <p className="empty-state">The latest inventory found no projects.</p>
      ) : (
        <>
          <div className="export-project-head">
            <p className="export-selected-count" aria-live="polite">
              {formatCount(selectedCount)} of {formatCount(projects.length)} selected
            </p>
            {/* Never disabled: a button that disables itself when pressed would drop keyboard focus. */}
            <div className="export-inline-actions">
              <button type="button" className="button button-quiet" onClick={selectAll}>
                Select all
              </button>
              <button type="button" className="button button-quiet" onClick={selectNone}>
                Select none
              </button>
            </div>
          </div>
          <VirtualList variant="export"
            items={projects}
            getKey={(project) => project.id}
            label="Projects to export"
            renderItem={(project) => <ProjectCheck project={project} checked={!excluded.has(project.id)} />}
          />
          {selectedCount === 0 && <p className="field-problem">Choose at least one project to export.</p>}
        </>
      )}
    </fieldset>
  );
}
