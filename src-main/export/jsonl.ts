/**
 * JSON Lines, read as a stream: bundles hold up to 100 000 image records per project, so
 * nothing here loads a whole file into memory.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Yields each non-empty line of a .jsonl file, parsed. A bad line throws with its number. */
export async function* readJsonl<T = unknown>(file: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as T;
    } catch (error) {
      throw new Error(`${file}: line ${number} is not valid JSON`, { cause: error });
    }
  }
}

/** One record per line; JSON.stringify never emits a raw line break, so this is safe. */
export function toJsonlLine(record: unknown): string {
  return `${JSON.stringify(record)}\n`;
}
