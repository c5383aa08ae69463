/**
 * The window opens where the user left it — unless that place is gone (a monitor unplugged,
 * a smaller screen), in which case it comes back whole on the primary display. A damaged
 * state file never stops the app from starting, and saving never leaves half a file.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createWindowStateKeeper,
  DEFAULT_WINDOW_SIZE,
  loadWindowState,
  MIN_WINDOW_SIZE,
  placeWindow,
  saveWindowState,
  windowStatePath,
  type DisplayArea,
  type Timers,
  type WindowState,
} from '../../../src-main/desktop/window-state';

const PRIMARY: DisplayArea = { workArea: { x: 0, y: 25, width: 1920, height: 1055 } };
const RIGHT: DisplayArea = { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };
const SAVED: WindowState = { x: 100, y: 120, width: 1300, height: 900, maximized: false };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cvs-window-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loading and saving', () => {
  it('remembers the size, position and maximized state across a restart', async () => {
    const file = windowStatePath(dir);
    await saveWindowState(file, { ...SAVED, maximized: true, fullscreen: false });
    expect(await loadWindowState(file)).toEqual({ ...SAVED, maximized: true, fullscreen: false });
    expect(file).toBe(join(dir, 'window-state.json'));
  });

  it('starts with the default when there is no file, quietly', async () => {
    const warnings: string[] = [];
    expect(await loadWindowState(windowStatePath(dir), (w) => warnings.push(w))).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('ignores a damaged or hand-edited file, says so, and never throws', async () => {
    const file = windowStatePath(dir);
    for (const text of ['{"x": 1, "y"', '[]', '{"x":"1","y":0,"width":800,"height":600,"maximized":false}', '{"x":0,"y":0,"width":-5,"height":600,"maximized":false}']) {
      await writeFile(file, text);
      const warnings: string[] = [];
      expect(await loadWindowState(file, (w) => warnings.push(w))).toBeNull();
      expect(warnings).toHaveLength(1);
    }
  });

  it('writes atomically: no temporary files are left beside the state', async () => {
    const file = windowStatePath(dir);
    await saveWindowState(file, SAVED);
    await saveWindowState(file, { ...SAVED, x: 300 });
    expect(await readdir(dir)).toEqual(['window-state.json']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ x: 300 });
  });
});

describe('placing the window on today’s displays', () => {
  it('opens at the default size, placed by the OS, the first time', () => {
    expect(placeWindow(null, [PRIMARY])).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false, fullscreen: false });
  });

  it('comes back exactly where it was when that place is still on screen (second monitor too)', () => {
    expect(placeWindow(SAVED, [PRIMARY, RIGHT]).bounds).toEqual({ x: 100, y: 120, width: 1300, height: 900 });
    const onRight = { ...SAVED, x: 2500, y: 200 };
    expect(placeWindow(onRight, [PRIMARY, RIGHT]).bounds).toEqual({ x: 2500, y: 200, width: 1300, height: 900 });
  });

  it('comes back centred on the primary display when its monitor is gone', () => {
    const onRight = { ...SAVED, x: 2500, y: 200 };
    const placed = placeWindow(onRight, [PRIMARY]);
    expect(placed.bounds).toEqual({ x: 310, y: 103, width: 1300, height: 900 });
  });

  it('is pulled back inside the display when it hangs over an edge (title bar never off screen)', () => {
    const placed = placeWindow({ ...SAVED, x: 1500, y: -200 }, [PRIMARY]);
    expect(placed.bounds).toEqual({ x: 620, y: 25, width: 1300, height: 900 });
  });

  it('shrinks to a smaller screen, but never below the size the layout needs', () => {
    const small: DisplayArea = { workArea: { x: 0, y: 0, width: 1024, height: 700 } };
    expect(placeWindow({ ...SAVED, width: 2400, height: 1600 }, [small]).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 700 });
    expect(placeWindow({ ...SAVED, width: 300, height: 200 }, [PRIMARY]).bounds).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('keeps the maximized and full-screen flags', () => {
    expect(placeWindow({ ...SAVED, maximized: true, fullscreen: true }, [PRIMARY])).toMatchObject({ maximized: true, fullscreen: true });
  });
});

/** Timers the test fires by hand. */
class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, () => void>();
  setTimeout(callback: () => void): unknown {
    const id = this.next++;
    this.pending.set(id, callback);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fire(): void {
    const callbacks = [...this.pending.values()];
    this.pending.clear();
    for (const callback of callbacks) callback();
  }
}

describe('keeping the state while the window moves', () => {
  it('saves once after a burst of moves and resizes, with the latest bounds', async () => {
    const file = windowStatePath(dir);
    const timers = new ManualTimers();
    let state: WindowState = SAVED;
    const keeper = createWindowStateKeeper({ file, read: () => state, timers });
    for (let x = 0; x < 20; x += 1) {
      state = { ...SAVED, x };
      keeper.changed();
    }
    expect(timers.pending.size).toBe(1);
    timers.fire();
    await keeper.settled();
    expect(await loadWindowState(file)).toEqual({ ...SAVED, x: 19 });
  });

  it('saves at once when the window closes, and a save still pending cannot overwrite it', async () => {
    const file = windowStatePath(dir);
    const timers = new ManualTimers();
    let state: WindowState = { ...SAVED, x: 1 };
    const keeper = createWindowStateKeeper({ file, read: () => state, timers });
    keeper.changed();
    state = { ...SAVED, x: 2, maximized: true };
    keeper.closing();
    expect(await loadWindowState(file)).toEqual({ ...SAVED, x: 2, maximized: true });
    timers.fire();
    await keeper.settled();
    expect(await loadWindowState(file)).toEqual({ ...SAVED, x: 2, maximized: true });
  });

  it('reports a failed save instead of crashing', async () => {
    const errors: unknown[] = [];
    const blocked = join(dir, 'a-file');
    await writeFile(blocked, 'not a folder');
    const keeper = createWindowStateKeeper({ file: join(blocked, 'window-state.json'), read: () => SAVED, onError: (e) => errors.push(e) });
    keeper.closing();
    expect(errors).toHaveLength(1);
    keeper.dispose();
  });
});
