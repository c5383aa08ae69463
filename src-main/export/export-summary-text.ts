/**
 * The export's summary as a catalogue code plus numbers, for the interface's language.
 * Built from the bundle's own record (the manifest's head: status and per-category counts),
 * which is what the English summary (export-summary.ts) counts too; the English stays the
 * job's `summary`, shown as details.
 */
import { join } from 'node:path';
import { mainText, type MainText } from '../../shared/model/main-text';
import { MANIFEST_PATH } from './bundle-paths';
import { readManifestHead } from './manifest-head';

function items(counts: unknown, category: string): { items: number; bytes: number } {
  const entry = (counts as Record<string, { items?: unknown; bytes?: unknown } | undefined> | undefined)?.[category];
  return { items: typeof entry?.items === 'number' ? entry.items : 0, bytes: typeof entry?.bytes === 'number' ? entry.bytes : 0 };
}

/** `exportComplete` or `exportPartial` with the counts; undefined when the manifest cannot be read (the English summary then stands alone). */
export async function exportSummaryText(folder: string): Promise<MainText | undefined> {
  const head = await readManifestHead(join(folder, MANIFEST_PATH)).catch(() => undefined);
  if (!head || (head.status !== 'complete' && head.status !== 'partial')) return undefined;
  const images = items(head.counts, 'images');
  return mainText(head.status === 'complete' ? 'exportComplete' : 'exportPartial', {
    projects: Array.isArray(head.projects) ? head.projects.length : 0,
    images: images.items,
    imageBytes: images.bytes,
    iterations: items(head.counts, 'iterations').items,
    models: items(head.counts, 'models').items,
    predictions: items(head.counts, 'predictions').items,
    folder,
  });
}
