/**
 * The inventory as readable text: the account, one row per data kind, one
 * row per project (its id first, since that is what --projects takes), then any problems.
 * Names come from the service and are printed as data (control characters replaced).
 */
import type { InventorySnapshot, ProjectCounts } from '../../shared/model/inventory';
import type { MainText } from '../../shared/model/main-text';
import type { MainKey, Translate } from '../i18n';
import { cliTranslator } from './cli-language';
import { formatBytes, formatCount, printable, table } from './format';

const count = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : formatCount(value));

/**
 * A row's size basis in the CLI's language: main's code (`inventory.basis.<code>`, sizes as
 * sizes) when the catalogue knows it, else main's English.
 */
function basisText(t: Translate<'cli'>, text: MainText | undefined, english: string): string {
  if (!text) return english;
  const key = `inventory.basis.${text.code}`;
  const values = Object.fromEntries(Object.entries(text.params ?? {}).map(([name, value]) => [name, typeof value === 'number' ? formatBytes(value) : value]));
  const said = t(key as MainKey<'cli'>, values);
  return said === key ? english : said;
}

/** The inventory in the CLI's language (English unless told otherwise). */
export function renderInventory(snapshot: InventorySnapshot, t: Translate<'cli'> = cliTranslator('en')): string {
  const { account } = snapshot;
  const where = [account.displayName === account.endpointHost ? '' : account.endpointHost, account.region ? t('inventory.region', { region: account.region }) : '']
    .filter(Boolean)
    .join(', ');
  const name = `${printable(account.displayName, 80)}${where ? ` (${printable(where, 120)})` : ''}`;
  const lines = [t('inventory.account', { name, fingerprint: account.keyFingerprint }), ''];

  lines.push(
    table(
      [t('inventory.columns.data'), t('inventory.columns.count'), t('inventory.columns.size'), t('inventory.columns.basis')],
      snapshot.categories.map((row) => [
        t(`inventory.labels.${row.category}`),
        count(row.count),
        row.bytesEstimate === null ? '' : `≈ ${formatBytes(row.bytesEstimate)}`,
        row.bytesEstimate === null ? '' : printable(basisText(t, row.bytesBasisText, row.bytesBasis ?? ''), 120),
      ]),
      new Set([1, 2]),
    ),
  );

  lines.push('', t('inventory.projects', { n: formatCount(snapshot.projects.length) }));
  if (snapshot.projects.length === 0) {
    lines.push(t('inventory.none'));
  } else {
    const columns = ['id', 'images', 'tagged', 'untagged', 'onlyInIterations', 'iterations', 'tags', 'models', 'predictions', 'name'] as const;
    lines.push(
      table(
        columns.map((column) => t(`inventory.projectColumns.${column}`)),
        snapshot.projects.map((project) => [project.id, ...projectCounts(project.counts), printable(project.name, 60)]),
        new Set([1, 2, 3, 4, 5, 6, 7, 8]),
      ),
    );
    // The same words as the app's pages: a project's images are its workspace's plus those only inside trained iterations.
    lines.push(t('inventory.imagesNote'));
  }

  const problems = [...snapshot.categories.flatMap((row) => row.problems)];
  if (problems.length > 0) {
    lines.push('', t('inventory.problems', { n: formatCount(problems.length) }));
    for (const problem of problems.slice(0, 20)) {
      const where = problem.projectId ? t('inventory.inProject', { project: problem.projectId }) : '';
      lines.push(`  ${t(`inventory.labels.${problem.category}`)}${where}: ${printable(problem.message, 300)}`);
    }
    if (problems.length > 20) lines.push(t('inventory.moreProblems', { count: problems.length - 20 }));
  }
  if (snapshot.state === 'cancelled') lines.push('', t('inventory.cancelled'));
  return `${lines.join('\n')}\n`;
}

/** All images: null while the workspace is not counted (the iteration-only part adds to it once counted). */
function allImages({ taggedImages, untaggedImages, imagesOnlyInIterations }: ProjectCounts): number | null {
  if (taggedImages === null && untaggedImages === null) return null;
  return (taggedImages ?? 0) + (untaggedImages ?? 0) + (imagesOnlyInIterations ?? 0);
}

function projectCounts(counts: ProjectCounts): string[] {
  return [
    count(allImages(counts)),
    count(counts.taggedImages),
    count(counts.untaggedImages),
    count(counts.imagesOnlyInIterations),
    count(counts.iterations),
    count(counts.tags),
    count(counts.models),
    count(counts.predictions),
  ];
}
