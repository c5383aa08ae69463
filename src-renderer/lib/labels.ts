/**
 * Human names for machine ids that arrive from main (data categories, platforms).
 * Unknown ids fall back to the raw id, so a new category still shows up, just less prettily.
 */
const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  // System check
  'data-folder': 'Data folder',
  'temp-folder': 'Temporary folder',
  'disk-space': 'Disk space used',
  keychain: 'Keychain',
  settings: 'Settings file',
  network: 'Network',
  // Inventory, export and cleanup (DESIGN §1)
  account: 'Account',
  projects: 'Projects',
  iterations: 'Iterations',
  performance: 'Iteration performance',
  tags: 'Tags',
  images: 'Images',
  'image-files': 'Image files',
  models: 'Exported models',
  files: 'Files',
  predictions: 'Stored predictions',
  manifest: 'Manifest',
};

export function categoryLabel(id: string): string {
  return Object.hasOwn(CATEGORY_LABELS, id) ? (CATEGORY_LABELS[id] ?? id) : id;
}

const PLATFORM_LABELS: Readonly<Record<string, string>> = {
  darwin: 'macOS',
  win32: 'Windows',
  linux: 'Linux',
};

export function platformLabel(id: string): string {
  return Object.hasOwn(PLATFORM_LABELS, id) ? (PLATFORM_LABELS[id] ?? id) : id;
}
