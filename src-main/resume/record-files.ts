/**
 * The running-job records on disk: `<dataDir>/running-jobs/<id>.json`, one small file per
 * job. One file each rather than one shared list, because each record is written once
 * (when its job starts) and deleted once (when it ends): no read-modify-write of a shared
 * file, so two jobs starting and ending at the same moment never race, and a torn write
 * (power cut) can damage only its own record, never the others.
 *
 * Writes are atomic and durable: temp file → write → fsync → rename → fsync of the folder,
 * so after a crash a record is either whole or absent. Reading never throws for a bad
 * record: it is reported and skipped (and removed, since a record that cannot be parsed
 * can never be resumed; it would otherwise be reported at every start).
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { syncFolder, writeFileDurably } from '../fs/durable-write';
import { InterruptedRecordSchema, RECORD_ID, type InterruptedRecord } from './interrupted-record';

export const RECORDS_FOLDER = 'running-jobs';

export type ReportProblem = (context: string, error: unknown) => void;

export class RecordFiles {
  readonly folder: string;

  constructor(
    dataDir: string,
    private readonly report: ReportProblem,
  ) {
    this.folder = join(dataDir, RECORDS_FOLDER);
  }

  pathOf(id: string): string {
    if (!RECORD_ID.test(id)) throw new RangeError('not a running-job record id');
    return join(this.folder, `${id}.json`);
  }

  async write(record: InterruptedRecord): Promise<void> {
    const path = this.pathOf(record.id);
    await mkdir(this.folder, { recursive: true });
    await writeFileDurably(path, `${JSON.stringify(record, null, 2)}\n`);
  }

  /** True when there was a record to remove. */
  async remove(id: string): Promise<boolean> {
    const path = this.pathOf(id);
    let existed = true;
    try {
      await rm(path);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
      existed = false;
    }
    if (existed) await syncFolder(this.folder);
    return existed;
  }

  async read(id: string): Promise<InterruptedRecord | undefined> {
    if (!RECORD_ID.test(id)) return undefined;
    return this.readFile(`${id}.json`);
  }

  /** Every readable record; damaged ones are reported and removed, unreadable ones reported and left. */
  async readAll(): Promise<InterruptedRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      this.report('running-job records', error);
      return [];
    }
    const records: InterruptedRecord[] = [];
    for (const name of names.sort()) {
      if (name.endsWith('.tmp')) {
        // A write cut short by a kill: the record it was writing never existed.
        if (!name.includes(`.${process.pid}.`)) await rm(join(this.folder, name), { force: true }).catch(() => undefined);
        continue;
      }
      // System clutter (.DS_Store) is not ours to report.
      if (name.startsWith('.')) continue;
      const record = await this.readFile(name);
      if (record) records.push(record);
    }
    return records;
  }

  private async readFile(name: string): Promise<InterruptedRecord | undefined> {
    const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
    if (!RECORD_ID.test(id)) {
      this.report('running-job records', new Error(`${name} in ${this.folder} is not a running-job record; it was skipped`));
      return undefined;
    }
    const path = join(this.folder, name);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') this.report(`running-job record ${name}`, error);
      return undefined;
    }
    const parsed = InterruptedRecordSchema.safeParse(parseJson(text));
    if (parsed.success && parsed.data.id === id) return parsed.data;
    const problem = parsed.success ? 'its id does not match its file name' : (parsed.error.issues[0]?.message ?? 'invalid');
    this.report(`running-job record ${name}`, new Error(`${path} is damaged (${problem}); it was skipped and removed`));
    await rm(path, { force: true }).catch(() => undefined);
    return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errnoCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
