/**
 * Builds a large file (COCO JSON, image lists) from many small strings without one giant
 * string: pieces are encoded to UTF-8 in blocks of about a megabyte and joined once at the
 * end. BundleFileSink.writeFile takes the whole file, so the finished bytes must exist once;
 * the blocks keep the rest of the cost near that size (peak ≈ twice the file).
 */

const BLOCK_CHARS = 1 << 20;

export class ChunkedText {
  private readonly blocks: Buffer[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  private total = 0;

  append(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= BLOCK_CHARS) this.flush();
  }

  /** Moves everything appended so far to the end of `target`, leaving this empty. */
  moveTo(target: ChunkedText): void {
    this.flush();
    for (const block of this.blocks.splice(0)) target.appendBytes(block);
    this.total = 0;
  }

  toBuffer(): Buffer {
    this.flush();
    const bytes = Buffer.concat(this.blocks, this.total);
    this.blocks.length = 0;
    this.total = 0;
    return bytes;
  }

  private appendBytes(block: Buffer): void {
    this.flush();
    this.blocks.push(block);
    this.total += block.length;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const block = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    this.blocks.push(block);
    this.total += block.length;
  }
}
