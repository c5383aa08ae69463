/**
 * A set of GUIDs that holds 100 000 of them in a few MB: each id is kept as its 16 raw
 * bytes packed into a one-byte-per-character string (V8 stores such strings compactly),
 * instead of the 36-character text. Complete listings keep one to union several walks,
 * and export one per project to know which images are in the workspace, never the image
 * records themselves.
 */
export class IdSet {
  private readonly keys = new Set<string>();

  static pack(id: string): string {
    const hex = id.replace(/-/g, '').toLowerCase();
    if (!/^[0-9a-f]{32}$/.test(hex)) return `~${id.toLowerCase()}`;
    return Buffer.from(hex, 'hex').toString('latin1');
  }

  add(id: string): boolean {
    const key = IdSet.pack(id);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }

  has(id: string): boolean {
    return this.keys.has(IdSet.pack(id));
  }

  get size(): number {
    return this.keys.size;
  }
}
