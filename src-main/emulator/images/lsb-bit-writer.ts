/**
 * Packs bit fields least-significant-bit first into a growing byte array: the bit order
 * both DEFLATE (PNG) and GIF's LZW use, so the two encoders share this one writer.
 */
export class LsbBitWriter {
  private bytes: Uint8Array;
  private length = 0;
  private bits = 0;
  private bitCount = 0;

  constructor(initialCapacity: number) {
    this.bytes = new Uint8Array(Math.max(16, initialCapacity));
  }

  /** Appends `count` (≤ 16) bits of `value`, least significant first. */
  write(value: number, count: number): void {
    this.bits |= value << this.bitCount;
    this.bitCount += count;
    while (this.bitCount >= 8) {
      this.push(this.bits & 0xff);
      this.bits >>>= 8;
      this.bitCount -= 8;
    }
  }

  /** Pads to a byte boundary with zero bits, then appends whole bytes. */
  writeBytes(...values: number[]): void {
    this.align();
    for (const value of values) this.push(value);
  }

  /** Pads the last partial byte with zero bits and returns everything written. */
  finish(): Uint8Array {
    this.align();
    return this.bytes.subarray(0, this.length);
  }

  private align(): void {
    if (this.bitCount > 0) this.push(this.bits & 0xff);
    this.bits = 0;
    this.bitCount = 0;
  }

  private push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length] = byte;
    this.length += 1;
  }
}
