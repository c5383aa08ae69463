import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectRow } from '../../shared/model/inventory';
import { i18n } from '../i18n';
import { formatCount } from '../lib/format';
import { imagesText } from '../lib/image-counts';
import { inventoryRequestKey, useStewardStore } from '../store';
import { countText, formatApiDate, inventoryLabel } from './inventory-labels';
import { InventoryProjectActions } from './inventory-project-actions';
import { VirtualList } from './virtual-list';
import { AppErrorMessage } from './error-surface';
import { mainTextOr } from '../lib/main-text';
import { exportStatusLabel, iterationStatusLabel, tagTypeLabel } from '../lib/labels';

interface InventoryProjectItemProps {
  project: ProjectRow;
  expanded: boolean;
  onToggle(): void;
  /** A scan is running: Retry waits for it. */
  busy: boolean;
}

type CountKey = 'images' | 'iterations' | 'tags' | 'records';

/** "12 images", or "— images" while not counted (the plural form for an unknown count is "other"). */
function counted(key: CountKey, count: number | null): string {
  return i18n.t(`inventory.project.${key}`, { count: count ?? 0, n: countText(count) });
}

/** One project of the drill-down: a summary line that expands to everything counted in it. */
export function InventoryProjectItem({ project, expanded, onToggle, busy }: InventoryProjectItemProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  const name = project.name || t('common.unnamedProject');
  const summary = [
    project.kind === null ? null : mainTextOr(project.kindText, project.kind),
    // All images, with the workspace and iteration-only parts named: the Export and Cleanup pages say the same.
    imagesText(project.counts) ?? counted('images', null),
    counted('iterations', project.counts.iterations),
    counted('tags', project.counts.tags),
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
            <span className="badge badge-problem">{t('inventory.project.problems', { count: project.problems.length })}</span>
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
  const { t } = useTranslation();
  const c = project.counts;
  return (
    <dl className="details inventory-project-counts">
      <dt>{t('categories.iterations')}</dt>
      <dd>
        {t('inventory.project.iterationsDetail', {
          all: countText(c.iterations),
          trained: countText(c.trainedIterations),
          published: countText(c.publishedIterations),
        })}
      </dd>
      <dt>{t('categories.performance')}</dt>
      <dd>
        {counted('records', c.performance)}
        {typeof c.imagePerformances === 'number' && t('inventory.project.perImageResults', { n: formatCount(c.imagePerformances) })}
      </dd>
      <dt>{t('categories.tags')}</dt>
      <dd>{countText(c.tags)}</dd>
      <dt>{t('inventory.project.taggedImages')}</dt>
      <dd>{countText(c.taggedImages)}</dd>
      <dt>{t('inventory.project.untaggedImages')}</dt>
      <dd>{countText(c.untaggedImages)}</dd>
      <dt>{t('inventory.project.onlyInIterations')}</dt>
      <dd>{countText(c.imagesOnlyInIterations)}</dd>
      <dt>{t('categories.models')}</dt>
      <dd>{countText(c.models)}</dd>
      <dt>{t('categories.predictions')}</dt>
      <dd>{countText(c.predictions)}</dd>
    </dl>
  );
}

function ProjectProblems({ project, name, busy }: { project: ProjectRow; name: string; busy: boolean }) {
  const { t } = useTranslation();
  const request = { projectIds: [project.id] };
  const pending = useStewardStore((state) => state.pendingInventoryRetries[inventoryRequestKey(request)] === true);
  const scanInventory = useStewardStore((state) => state.scanInventory);
  if (project.problems.length === 0) return null;
  const disabled = busy || pending;
  return (
    <div className="inventory-project-problems">
      <ul className="inventory-problems" aria-label={t('inventory.row.problemsWith', { name })}>
        {project.problems.map((problem) => (
          <li key={problem.category} className="inventory-problem">
            <span className="inventory-problem-text">
              <span className="inventory-problem-where">{t('inventory.row.where', { where: inventoryLabel(problem.category) })}</span>{' '}
              <code className="inventory-problem-code">{problem.code}</code> <AppErrorMessage error={problem} />
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-quiet"
        aria-disabled={disabled || undefined}
        aria-label={t('inventory.project.scanAgainLabel', { name })}
        onClick={() => {
          if (!disabled) void scanInventory(request);
        }}
      >
        {t('inventory.project.scanAgain')}
      </button>
    </div>
  );
}

function ProjectIterations({ project, name }: { project: ProjectRow; name: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h4 className="inventory-subheading">{t('categories.iterations')}</h4>
      {project.iterations.length === 0 ? (
        <p className="empty-state">{project.counts.iterations === null ? t('inventory.project.notCounted') : t('inventory.project.noIterations')}</p>
      ) : (
        <div className="inventory-table-scroll">
          <table className="inventory-table">
            <caption className="inventory-visually-hidden">{t('inventory.project.iterationsOf', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inventory.project.name')}</th>
                <th scope="col">{t('inventory.project.status')}</th>
                <th scope="col">{t('inventory.project.publishedAs')}</th>
                <th scope="col">{t('inventory.project.trained')}</th>
                <th scope="col">{t('inventory.project.images')}</th>
              </tr>
            </thead>
            <tbody>
              {project.iterations.map((iteration) => (
                <tr key={iteration.id}>
                  <th scope="row">{iteration.name || iteration.id}</th>
                  <td>{iteration.status ? iterationStatusLabel(iteration.status) : '—'}</td>
                  <td>{iteration.publishName ?? t('inventory.project.notPublished')}</td>
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
  const { t } = useTranslation();
  return (
    <>
      <h4 className="inventory-subheading">{t('categories.tags')}</h4>
      {project.tags.length === 0 ? (
        <p className="empty-state">{project.counts.tags === null ? t('inventory.project.notCounted') : t('inventory.project.noTags')}</p>
      ) : (
        <VirtualList variant="inventory"
          items={project.tags}
          getKey={(tag) => tag.id}
          label={t('inventory.project.tagsOf', { name })}
          estimateRowHeight={30}
          textOnly
          className="inventory-tags"
          renderItem={(tag) => (
            <span className="inventory-tag">
              <span className="inventory-tag-name">{tag.name}</span>
              <span className="inventory-tag-meta">
                {tag.type !== 'Regular' && `${tagTypeLabel(tag.type)} · `}
                {counted('images', tag.imageCount)}
              </span>
            </span>
          )}
        />
      )}
      {project.tagsTruncated && (
        <p className="inventory-hint">
          {t('inventory.project.tagsTruncated', { shown: formatCount(project.tags.length), total: countText(project.counts.tags) })}
        </p>
      )}
    </>
  );
}

function ProjectModels({ project, name }: { project: ProjectRow; name: string }) {
  const { t } = useTranslation();
  const iterationName = (id: string) => project.iterations.find((iteration) => iteration.id === id)?.name ?? id;
  return (
    <>
      <h4 className="inventory-subheading">{t('categories.models')}</h4>
      {project.models.length === 0 ? (
        <p className="empty-state">{project.counts.models === null ? t('inventory.project.notCounted') : t('inventory.project.noModels')}</p>
      ) : (
        <ul className="inventory-models" aria-label={t('inventory.project.modelsOf', { name })}>
          {project.models.map((model) => (
            <li key={`${model.iterationId}|${model.platform}|${model.flavor ?? ''}`}>
              <span className="inventory-model-platform">
                {model.platform}
                {model.flavor !== null && ` (${model.flavor})`}
              </span>{' '}
              <span className="inventory-tag-meta">
                {t('inventory.project.modelFrom', { status: exportStatusLabel(model.status), iteration: iterationName(model.iterationId) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
