import { useId } from 'react';
import type { ProjectRow } from '../../shared/model/inventory';
import { formatCount } from '../lib/format';
import { inventoryRequestKey, useStewardStore } from '../store';
import { countText, formatApiDate, inventoryLabel } from './inventory-labels';
import { InventoryProjectActions } from './inventory-project-actions';
import { VirtualList } from './virtual-list';

interface InventoryProjectItemProps {
  project: ProjectRow;
  expanded: boolean;
  onToggle(): void;
  /** A scan is running: Retry waits for it. */
  busy: boolean;
}

function imageTotal(project: ProjectRow): number | null {
  const { taggedImages, untaggedImages, imagesOnlyInIterations } = project.counts;
  const parts = [taggedImages, untaggedImages, imagesOnlyInIterations].filter((v): v is number => typeof v === 'number');
  return parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0);
}

function plural(count: number | null, one: string, many: string): string {
  return `${countText(count)} ${count === 1 ? one : many}`;
}

/** One project of the drill-down: a summary line that expands to everything counted in it. */
export function InventoryProjectItem({ project, expanded, onToggle, busy }: InventoryProjectItemProps) {
  const bodyId = useId();
  const name = project.name || 'Unnamed project';
  const summary = [
    project.kind,
    plural(imageTotal(project), 'image', 'images'),
    plural(project.counts.iterations, 'iteration', 'iterations'),
    plural(project.counts.tags, 'tag', 'tags'),
  ].filter((part): part is string => part !== null && part !== '');

  return (
    <div className="inventory-project">
      <h3 className="inventory-project-heading">
        <button
          type="button"
          className="inventory-project-toggle"
          aria-expanded={expanded}
          aria-controls={expanded ? bodyId : undefined}
          onClick={onToggle}
        >
          <span className="inventory-project-name">{name}</span>
          <span className="inventory-project-summary">{summary.join(' · ')}</span>
          {project.problems.length > 0 && (
            <span className="badge badge-problem">
              {formatCount(project.problems.length)} {project.problems.length === 1 ? 'problem' : 'problems'}
            </span>
          )}
        </button>
      </h3>
      {expanded && (
        <div id={bodyId} className="inventory-project-body">
          <ProjectCounts project={project} />
          <ProjectProblems project={project} name={name} busy={busy} />
          <ProjectIterations project={project} name={name} />
          <ProjectTags project={project} name={name} />
          <ProjectModels project={project} name={name} />
          <InventoryProjectActions project={project} name={name} />
        </div>
      )}
    </div>
  );
}

function ProjectCounts({ project }: { project: ProjectRow }) {
  const c = project.counts;
  return (
    <dl className="details inventory-project-counts">
      <dt>Iterations</dt>
      <dd>
        {countText(c.iterations)} ({countText(c.trainedIterations)} trained, {countText(c.publishedIterations)} published)
      </dd>
      <dt>Iteration performance</dt>
      <dd>
        {countText(c.performance)} {c.performance === 1 ? 'record' : 'records'}
        {typeof c.imagePerformances === 'number' && `, ${formatCount(c.imagePerformances)} per-image results`}
      </dd>
      <dt>Tags</dt>
      <dd>{countText(c.tags)}</dd>
      <dt>Tagged images</dt>
      <dd>{countText(c.taggedImages)}</dd>
      <dt>Untagged images</dt>
      <dd>{countText(c.untaggedImages)}</dd>
      <dt>Images only inside trained iterations</dt>
      <dd>{countText(c.imagesOnlyInIterations)}</dd>
      <dt>Exported models</dt>
      <dd>{countText(c.models)}</dd>
      <dt>Stored predictions</dt>
      <dd>{countText(c.predictions)}</dd>
    </dl>
  );
}

function ProjectProblems({ project, name, busy }: { project: ProjectRow; name: string; busy: boolean }) {
  const request = { projectIds: [project.id] };
  const pending = useStewardStore((state) => state.pendingInventoryRetries[inventoryRequestKey(request)] === true);
  const scanInventory = useStewardStore((state) => state.scanInventory);
  if (project.problems.length === 0) return null;
  const disabled = busy || pending;
  return (
    <div className="inventory-project-problems">
      <ul className="inventory-problems" aria-label={`Problems with ${name}`}>
        {project.problems.map((problem) => (
          <li key={problem.category} className="inventory-problem">
            <span className="inventory-problem-text">
              <span className="inventory-problem-where">{inventoryLabel(problem.category)}:</span>{' '}
              <code className="inventory-problem-code">{problem.code}</code> {problem.message}
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-quiet"
        aria-disabled={disabled || undefined}
        aria-label={`Scan ${name} again`}
        onClick={() => {
          if (!disabled) void scanInventory(request);
        }}
      >
        Scan this project again
      </button>
    </div>
  );
}

function ProjectIterations({ project, name }: { project: ProjectRow; name: string }) {
  return (
    <>
      <h4 className="inventory-subheading">Iterations</h4>
      {project.iterations.length === 0 ? (
        <p className="empty-state">{project.counts.iterations === null ? 'Not counted.' : 'No iterations.'}</p>
      ) : (
        <div className="inventory-table-scroll">
          <table className="inventory-table">
            <caption className="inventory-visually-hidden">Iterations of {name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Published as</th>
                <th scope="col">Trained</th>
                <th scope="col">Images</th>
              </tr>
            </thead>
            <tbody>
              {project.iterations.map((iteration) => (
                <tr key={iteration.id}>
                  <th scope="row">{iteration.name || iteration.id}</th>
                  <td>{iteration.status || '—'}</td>
                  <td>{iteration.publishName ?? 'Not published'}</td>
                  <td>{formatApiDate(iteration.trainedAt)}</td>
                  <td>{countText(iteration.imageCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function ProjectTags({ project, name }: { project: ProjectRow; name: string }) {
  return (
    <>
      <h4 className="inventory-subheading">Tags</h4>
      {project.tags.length === 0 ? (
        <p className="empty-state">{project.counts.tags === null ? 'Not counted.' : 'No tags.'}</p>
      ) : (
        <VirtualList variant="inventory"
          items={project.tags}
          getKey={(tag) => tag.id}
          label={`Tags of ${name}`}
          estimateRowHeight={30}
          textOnly
          className="inventory-tags"
          renderItem={(tag) => (
            <span className="inventory-tag">
              <span className="inventory-tag-name">{tag.name}</span>
              <span className="inventory-tag-meta">
                {tag.type !== 'Regular' && `${tag.type} · `}
                {plural(tag.imageCount, 'image', 'images')}
              </span>
            </span>
          )}
        />
      )}
      {project.tagsTruncated && (
        <p className="inventory-hint">
          Showing the first {formatCount(project.tags.length)} of {countText(project.counts.tags)} tags.
        </p>
      )}
    </>
  );
}

function ProjectModels({ project, name }: { project: ProjectRow; name: string }) {
  const iterationName = (id: string) => project.iterations.find((iteration) => iteration.id === id)?.name ?? id;
  return (
    <>
      <h4 className="inventory-subheading">Exported models</h4>
      {project.models.length === 0 ? (
        <p className="empty-state">{project.counts.models === null ? 'Not counted.' : 'No exported models.'}</p>
      ) : (
        <ul className="inventory-models" aria-label={`Exported models of ${name}`}>
          {project.models.map((model) => (
            <li key={`${model.iterationId}|${model.platform}|${model.flavor ?? ''}`}>
              <span className="inventory-model-platform">
                {model.platform}
                {model.flavor !== null && ` (${model.flavor})`}
              </span>{' '}
              <span className="inventory-tag-meta">
                {model.status} · from {iterationName(model.iterationId)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
