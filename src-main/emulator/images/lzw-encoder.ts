/**
 * GIF's variable-code-size LZW compressor. Codes start one bit wider than the minimum
 * code size, grow whenever the next code to assign needs another bit, and the table is
 * reset with a clear code once all 4096 codes are used — the scheme every GIF decoder
 * expects (including the deferred "early change" decoders apply on their side).
 */
import { LsbBitWriter } from './lsb-bit-writer';

const MAX_CODES = 4096;
const MAX_CODE_BITS = 12;

/**
 * Compresses palette indices into one LZW code stream (without GIF's sub-block framing).
 * Every index must be below 2^minCodeSize.
 */
export function lzwEncode(indices: Uint8Array, minCodeSize: number): Uint8Array {
  const alphabet = 1 << minCodeSize;
  const clearCode = alphabet;
  const endCode = alphabet + 1;
  const writer = new LsbBitWriter(indices.length >>> 1);
  // table[prefix * alphabet + symbol] = code of (prefix string + symbol), 0 = absent
  // (0 is never an assignable code). `assigned` remembers which slots to wipe on reset,
  // far cheaper than clearing the whole table.
  const table = new Uint16Array(MAX_CODES * alphabet);
  const assigned = new Uint32Array(MAX_CODES);
  let assignedCount = 0;
  let nextCode = endCode + 1;
  let codeBits = minCodeSize + 1;

  writer.write(clearCode, codeBits);
  if (indices.length === 0) {
    writer.write(endCode, codeBits);
    return writer.finish();
  }
  let prefix = indices[0] ?? 0;
  for (let i = 1; i < indices.length; i += 1) {
    const symbol = indices[i] ?? 0;
    const key = prefix * alphabet + symbol;
    const known = table[key] ?? 0;
    if (known !== 0) {
      prefix = known;
      continue;
    }
    writer.write(prefix, codeBits);
    if (nextCode === MAX_CODES) {
      writer.write(clearCode, codeBits);
      for (let k = 0; k < assignedCount; k += 1) table[assigned[k] ?? 0] = 0;
      assignedCount = 0;
      nextCode = endCode + 1;
      codeBits = minCodeSize + 1;
    } else {
      if (nextCode >= 1 << codeBits && codeBits < MAX_CODE_BITS) codeBits += 1;
      table[key] = nextCode;
      assigned[assignedCount] = key;
      assignedCount += 1;
      nextCode += 1;
    }
    prefix = symbol;
  }
  writer.write(prefix, codeBits);
  writer.write(endCode, codeBits);
  return writer.finish();
}
