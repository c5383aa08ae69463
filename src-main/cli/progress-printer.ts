/**
 * Human-readable progress on stderr, throttled to about one line per second per category
 * ("images 1,234/5,000 · 120 MB · 3.2 MB/s · ETA 00:45"). The job runner already sends
 * ~10 snapshots a second; this keeps the latest, and a timer prints whatever changed.
 *
 * Not a terminal (a log, a pipe, CI): plain lines, no escape sequences. A terminal: the
 * line of the category being worked on is redrawn in place, and a new line starts when
 * another category moves, so the scrollback still tells the story.
 */
import type { CategoryProgress } from '../../shared/model/job';
import { formatBytes, formatCount, formatDuration } from './format';
import { cliTranslator } from './cli-language';
import type { MainKey, Translate } from '../i18n';

export interface ProgressTimers {
  set(callback: () => void, intervalMs: number): unknown;
  clear(handle: unknown): void;
}

export interface ProgressPrinterOptions {
  write(text: string): void;
  /** stderr is a terminal: redraw in place (the only case where escape sequences are written). */
  tty: boolean;
  /** Terminal width; a redrawn line longer than this would wrap and break the redraw. */
  columns?: number;
  /** Default 1000 ms. */
  intervalMs?: number;
  /** Window over which speed and ETA are measured. Default 5000 ms. */
  windowMs?: number;
  now?: () => number;
  timers?: ProgressTimers;
  /** What a category counts, shown after its numbers ("3/5 projects"); default nothing. */
  unit?: (category: string) => string;
  /** The CLI's catalogue in the reader's language (category names, "problems", "ETA", "done"); default English. */
  t?: Translate<'cli'>;
}

interface Sample {
  at: number;
  done: number;
  bytes: number;
}

interface Track {
  latest: CategoryProgress;
  /** What was last printed, to print only categories that moved. */
  printed?: string;
  samples: Sample[];
}

const CLEAR_LINE = '\r\u001b[2K';

const defaultTimers: ProgressTimers = {
  set: (callback, intervalMs) => {
    const handle = setInterval(callback, intervalMs);
    // Progress must never be what keeps the process alive.
    handle.unref();
    return handle;
  },
  clear: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export class ProgressPrinter {
  private readonly tracks = new Map<string, Track>();
  private readonly now: () => number;
  private readonly windowMs: number;
  private readonly intervalMs: number;
  private readonly timers: ProgressTimers;
  private timer: unknown;
  /** Category whose line is on screen without its newline yet (terminal only). */
  private live: string | undefined;
  private labelWidth = 0;
  private readonly t: Translate<'cli'>;

  constructor(private readonly options: ProgressPrinterOptions) {
    this.t = options.t ?? cliTranslator('en');
    this.now = options.now ?? (() => Date.now());
    this.windowMs = options.windowMs ?? 5_000;
    this.intervalMs = options.intervalMs ?? 1_000;
    this.timers = options.timers ?? defaultTimers;
  }

  start(): void {
    if (this.timer === undefined) this.timer = this.timers.set(() => this.tick(), this.intervalMs);
  }

  /** The job's latest per-category counts. */
  update(categories: readonly CategoryProgress[]): void {
    const at = this.now();
    for (const progress of categories) {
      let track = this.tracks.get(progress.category);
      if (!track) {
        track = { latest: progress, samples: [] };
        this.tracks.set(progress.category, track);
        this.labelWidth = Math.max(this.labelWidth, this.label(progress.category).length);
      }
      track.latest = progress;
      track.samples.push({ at, done: progress.done, bytes: progress.bytesDone });
      while (track.samples.length > 2 && (track.samples[1]?.at ?? at) <= at - this.windowMs) track.samples.shift();
    }
  }

  /** Prints a line for every category that moved since its last line. */
  tick(): void {
    for (const [category, track] of this.tracks) {
      if (!hasWork(track.latest)) continue;
      const line = this.line(track, false);
      const key = stateKey(track.latest);
      if (track.printed === key) continue;
      track.printed = key;
      this.emit(category, line);
    }
  }

  /** A message between progress lines (warnings, notes). */
  note(text: string): void {
    this.endLive();
    this.options.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Final counts of every category that moved since its last line; stops the timer. */
  finish(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    for (const [category, track] of this.tracks) {
      if (!hasWork(track.latest) || track.printed === `final:${stateKey(track.latest)}` || track.printed === stateKey(track.latest)) continue;
      track.printed = `final:${stateKey(track.latest)}`;
      this.emit(category, this.line(track, true));
    }
    this.endLive();
  }

  /** "images 1 234/5 000 · 120 MB · 3.2 MB/s · ETA 00:45" */
  line(track: Track, final: boolean): string {
    const { latest } = track;
    const label = this.label(latest.category).padEnd(this.labelWidth);
    const unit = this.options.unit?.(latest.category) ?? '';
    const parts = [`${label} ${formatCount(latest.done)}${latest.total === null ? '' : `/${formatCount(latest.total)}`}${unit ? ` ${unit}` : ''}`];
    if (latest.bytesDone > 0) parts.push(formatBytes(latest.bytesDone));
    const rate = final ? undefined : this.rate(track);
    if (rate && rate.bytesPerSecond > 0) parts.push(`${formatBytes(rate.bytesPerSecond)}/s`);
    if (rate && rate.itemsPerSecond > 0 && latest.total !== null && latest.done < latest.total) {
      parts.push(this.t('progress.eta', { time: formatDuration((latest.total - latest.done) / rate.itemsPerSecond) }));
    }
    if (latest.errors > 0) parts.push(this.t('progress.problems', { count: latest.errors, n: formatCount(latest.errors) }));
    if (final && latest.total !== null && latest.done >= latest.total && latest.errors === 0) parts.push(this.t('progress.done'));
    return parts.join(' · ');
  }

  /** A category's name in the reader's language; one the catalogue does not know is shown as the job names it. */
  private label(category: string): string {
    const key = `progress.categories.${category}`;
    // Categories are the jobs' own ids, not literals: the catalogue answers with the key for one it lacks.
    const said = this.t(key as MainKey<'cli'>);
    return said === key ? category : said;
  }

  private rate(track: Track): { bytesPerSecond: number; itemsPerSecond: number } | undefined {
    const first = track.samples[0];
    const last = track.samples[track.samples.length - 1];
    if (!first || !last) return undefined;
    // Too short a span gives wild numbers (a resumed export "finishes" hundreds of files at once).
    const seconds = (last.at - first.at) / 1000;
    if (seconds < 0.5) return undefined;
    return { bytesPerSecond: (last.bytes - first.bytes) / seconds, itemsPerSecond: (last.done - first.done) / seconds };
  }

  private emit(category: string, line: string): void {
    const { write, tty, columns } = this.options;
    if (!tty) {
      write(`${line}\n`);
      return;
    }
    const text = columns !== undefined && columns > 10 && line.length >= columns ? `${line.slice(0, columns - 2)}…` : line;
    if (this.live === category) {
      write(CLEAR_LINE + text);
    } else {
      this.endLive();
      write(text);
    }
    this.live = category;
  }

  private endLive(): void {
    if (this.live === undefined) return;
    this.options.write('\n');
    this.live = undefined;
  }
}

/** A category with nothing to do (total 0, nothing done) is not worth a line. */
function hasWork(progress: CategoryProgress): boolean {
  return progress.done > 0 || (progress.total ?? 0) > 0 || progress.errors > 0;
}

function stateKey(progress: CategoryProgress): string {
  return `${progress.done}|${progress.total ?? ''}|${progress.bytesDone}|${progress.errors}`;
}
