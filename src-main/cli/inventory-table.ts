/**
 * The inventory as readable text: the account, one row per data kind (DESIGN §1), one
 * row per project (its id first, since that is what --projects takes), then any problems.
 * Names come from the service and are printed as data (control characters replaced).
 */
import type { InventoryCategory, InventorySnapshot, ProjectCounts } from '../../shared/model/inventory';
import { formatBytes, formatCount, plural, printable, table } from './format';

const LABELS: Readonly<Record<InventoryCategory, string>> = {
  account: 'Account',
  projects: 'Projects',
  iterations: 'Iterations',
  performance: 'Iteration performance',
  tags: 'Tags',
  images: 'Images',
  models: 'Exported models',
  predictions: 'Stored predictions (30 days)',
};

const count = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : formatCount(value));

export function renderInventory(snapshot: InventorySnapshot): string {
  const { account } = snapshot;
  const where = [account.displayName === account.endpointHost ? '' : account.endpointHost, account.region ? `region ${account.region}` : '']
    .filter(Boolean)
    .join(', ');
  const name = `${printable(account.displayName, 80)}${where ? ` (${printable(where, 120)})` : ''}`;
  const lines = [`Account: ${name}, key fingerprint ${account.keyFingerprint}`, ''];

  lines.push(
    table(
      ['Data', 'Count', 'Estimated size', 'Estimated from'],
      snapshot.categories.map((row) => [
        LABELS[row.category],
        count(row.count),
        row.bytesEstimate === null ? '' : `≈ ${formatBytes(row.bytesEstimate)}`,
        row.bytesEstimate === null ? '' : printable(row.bytesBasis ?? '', 120),
      ]),
      new Set([1, 2]),
    ),
  );

  lines.push('', `Projects (${formatCount(snapshot.projects.length)})`);
  if (snapshot.projects.length === 0) {
    lines.push('  none');
  } else {
    lines.push(
      table(
        ['Id', 'Images', 'Workspace tagged', 'Workspace untagged', 'Only in iterations', 'Iterations', 'Tags', 'Models', 'Predictions', 'Name'],
        snapshot.projects.map((project) => [project.id, ...projectCounts(project.counts), printable(project.name, 60)]),
        new Set([1, 2, 3, 4, 5, 6, 7, 8]),
      ),
    );
    // The same words as the app's pages: a project's images are its workspace's plus those only inside trained iterations.
    lines.push('Images = images in the workspace (tagged + untagged) + images only inside trained iterations.');
  }

  const problems = [...snapshot.categories.flatMap((row) => row.problems)];
  if (problems.length > 0) {
    lines.push('', `Problems (${formatCount(problems.length)}): these counts are incomplete; run the inventory again to retry.`);
    for (const problem of problems.slice(0, 20)) {
      lines.push(`  ${LABELS[problem.category]}${problem.projectId ? ` · project ${problem.projectId}` : ''}: ${printable(problem.message, 300)}`);
    }
    if (problems.length > 20) lines.push(`  … and ${plural(problems.length - 20, 'more problem')} (use --json for all of them)`);
  }
  if (snapshot.state === 'cancelled') lines.push('', 'The scan was cancelled: the counts above are incomplete.');
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
