/**
 * How derived writers (datasets, viewer) add files to a bundle without knowing how the
 * bundle records them: the export engine implements this with atomic writes and journal
 * entries, so every file lands in the manifest with its size and SHA-256.
 */
export interface BundleFileRecord {
  /** Relative to the bundle root, forward slashes. */
  path: string;
  bytes: number;
  sha256: string;
  mediaType: string;
}

export interface BundleFileSink {
  writeFile(relativePath: string, data: string | Uint8Array, mediaType: string): Promise<BundleFileRecord>;
}
