/**
 * The main window's size and position, remembered in `<userData>/window-state.json` so the
 * app opens where the user left it. Reading never fails the start: a missing, damaged or
 * hand-edited file reads as "no saved state". Writes are atomic (temp file + rename), so a
 * crash mid-write leaves the previous state, never half a file.
 *
 * The saved rectangle is checked against the displays present now: a window left on a
 * monitor that is gone (or a resolution that shrank) comes back whole on the primary display.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';

/** The first window's size, and the smallest the layout still works at (secure-window uses these). */
export const DEFAULT_WINDOW_SIZE = Object.freeze({ width: 1200, height: 800 });
export const MIN_WINDOW_SIZE = Object.freeze({ width: 760, height: 520 });

/** How much of the window must be on a display to count as "still there" (enough to grab it). */
const MIN_VISIBLE = Object.freeze({ width: 120, height: 60 });

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const Int = z.number().int().min(-100_000).max(100_000);
const Size = z.number().int().min(1).max(100_000);

export const WindowStateSchema = z.object({
  x: Int,
  y: Int,
  width: Size,
  height: Size,
  maximized: z.boolean(),
  fullscreen: z.boolean().optional(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

/** What the window is created with: a position only when it is known to be on screen. */
export interface WindowPlacement {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
  fullscreen: boolean;
}

export interface DisplayArea {
  /** The part of the display windows may use (without taskbar, dock, menu bar). */
  workArea: Rect;
}

export function windowStatePath(userDataDir: string): string {
  return join(userDataDir, WINDOW_STATE_FILE);
}

/** The saved state, or null when there is none worth using (each problem reported once, not thrown). */
export async function loadWindowState(file: string, onWarning?: (message: string) => void): Promise<WindowState | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onWarning?.(`The window position could not be read (${file}); the default is used.`);
    return null;
  }
  return parseWindowState(text, file, onWarning);
}

export function parseWindowState(text: string, file: string, onWarning?: (message: string) => void): WindowState | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = WindowStateSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  onWarning?.(`The saved window position is damaged (${file}); the default is used and the file is rewritten when the window moves.`);
  return null;
}

function serialise(state: WindowState): string {
  return `${JSON.stringify(WindowStateSchema.parse(state), null, 2)}\n`;
}

let tmpCounter = 0;
/** A temp name of its own per write, so an async and a sync save never share one. */
function tmpPath(file: string): string {
  tmpCounter += 1;
  return `${file}.${process.pid}-${tmpCounter}.tmp`;
}

/**
 * Writes the state atomically. `stillWanted` is asked just before the rename: when a newer
 * state was saved meanwhile (the window closed), the older one is dropped, not renamed over it.
 */
export async function saveWindowState(file: string, state: WindowState, stillWanted: () => boolean = () => true): Promise<void> {
  const text = serialise(state);
  await mkdir(dirname(file), { recursive: true });
  const tmp = tmpPath(file);
  await writeFile(tmp, text, { mode: 0o600 });
  if (stillWanted()) await rename(tmp, file);
  else await rm(tmp, { force: true });
}

/** For the window's `close` event: the app may quit right after, before an async write ends. */
export function saveWindowStateSync(file: string, state: WindowState): void {
  const text = serialise(state);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = tmpPath(file);
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** The size shrunk to fit `area`, but never below the minimum the layout needs. */
function fitSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: Math.max(MIN_WINDOW_SIZE.width, Math.min(width, area.width)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.min(height, area.height)),
  };
}

/**
 * Where to open the window. `displays[0]` must be the primary display. Without a saved
 * state: the default size, placed by the OS. With one: kept on the display it mostly lies
 * on (moved inside that display's work area if it hangs over an edge); on none of today's
 * displays: the saved size (shrunk to fit) centred on the primary display.
 */
export function placeWindow(saved: WindowState | null, displays: readonly DisplayArea[]): WindowPlacement {
  const primary = displays[0]?.workArea;
  if (!saved) {
    const size = primary ? fitSize(DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height, primary) : { ...DEFAULT_WINDOW_SIZE };
    return { bounds: size, maximized: false, fullscreen: false };
  }
  const flags = { maximized: saved.maximized, fullscreen: saved.fullscreen ?? false };
  if (!primary) return { bounds: fitSize(saved.width, saved.height, { x: 0, y: 0, width: saved.width, height: saved.height }), ...flags };

  let best: { area: Rect; shared: number } | undefined;
  for (const { workArea } of displays) {
    const o = overlap(saved, workArea);
    if (o.width < MIN_VISIBLE.width || o.height < MIN_VISIBLE.height) continue;
    const shared = o.width * o.height;
    if (!best || shared > best.shared) best = { area: workArea, shared };
  }
  const area = best?.area ?? primary;
  const size = fitSize(saved.width, saved.height, area);
  if (!best) {
    return {
      bounds: { x: area.x + Math.round((area.width - size.width) / 2), y: area.y + Math.round((area.height - size.height) / 2), ...size },
      ...flags,
    };
  }
  // Pulled fully inside the display it is on, so no edge (and no title bar) is off screen.
  const x = Math.min(Math.max(saved.x, area.x), area.x + Math.max(0, area.width - size.width));
  const y = Math.min(Math.max(saved.y, area.y), area.y + Math.max(0, area.height - size.height));
  return { bounds: { x, y, ...size }, ...flags };
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface WindowStateKeeperOptions {
  file: string;
  /** The window's state now (normal bounds even while maximized), or null once it is gone. */
  read(): WindowState | null;
  debounceMs?: number;
  timers?: Timers;
  onError?: (error: unknown) => void;
}

export interface WindowStateKeeper {
  /** The window moved or resized: saves a little later, once the dragging stops. */
  changed(): void;
  /** The window is closing: saves now, synchronously. */
  closing(): void;
  /** Waits for a save in progress (tests; the app's quit). */
  settled(): Promise<void>;
  dispose(): void;
}

export function createWindowStateKeeper(options: WindowStateKeeperOptions): WindowStateKeeper {
  const timers = options.timers ?? realTimers;
  const debounceMs = options.debounceMs ?? 500;
  const report = options.onError ?? (() => undefined);
  let pending: unknown;
  let writing: Promise<void> = Promise.resolve();
  let disposed = false;
  /** Set once the close-time state is written: later async saves hold older states. */
  let closed = false;

  const cancel = () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = undefined;
  };

  const saveLater = () => {
    pending = undefined;
    const state = options.read();
    if (!state || disposed || closed) return;
    // Saves run one after another, so an older state never lands after a newer one.
    writing = writing.then(() => saveWindowState(options.file, state, () => !closed)).catch(report);
  };

  return {
    changed() {
      if (disposed) return;
      cancel();
      pending = timers.setTimeout(saveLater, debounceMs);
    },
    closing() {
      if (disposed) return;
      cancel();
      const state = options.read();
      if (!state) return;
      closed = true;
      try {
        saveWindowStateSync(options.file, state);
      } catch (error) {
        report(error);
      }
    },
    settled: () => writing,
    dispose() {
      disposed = true;
      cancel();
    },
  };
}
