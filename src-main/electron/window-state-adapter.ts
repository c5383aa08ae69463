/**
 * Remembers the main window's size and position (src-main/desktop/window-state.ts) using
 * Electron's screen and window events: placed from the saved state at start, saved a
 * moment after each move or resize, and once more, synchronously, when it closes.
 */
import { screen, type BrowserWindow } from 'electron';
import {
  createWindowStateKeeper,
  loadWindowState,
  placeWindow,
  type WindowPlacement,
  type WindowState,
} from '../desktop/window-state';

/** The saved placement fitted to the displays connected now (primary first). */
export async function restoredPlacement(file: string, report: (context: string, error: unknown) => void): Promise<WindowPlacement> {
  const saved = await loadWindowState(file, (warning) => report('window state', warning));
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return placeWindow(saved, [primary, ...others]);
}

function readState(window: BrowserWindow): WindowState | null {
  if (window.isDestroyed()) return null;
  // Normal bounds: a maximized window comes back maximized, and un-maximizes to this size.
  const bounds = window.getNormalBounds();
  return { ...bounds, maximized: window.isMaximized(), fullscreen: window.isFullScreen() };
}

/** Applies the maximized/full-screen flags once the window shows, and saves its state from then on. */
export function rememberWindowState(
  window: BrowserWindow,
  placement: WindowPlacement,
  file: string,
  report: (context: string, error: unknown) => void,
): void {
  window.once('ready-to-show', () => {
    if (placement.fullscreen) window.setFullScreen(true);
    else if (placement.maximized) window.maximize();
  });
  const keeper = createWindowStateKeeper({ file, read: () => readState(window), onError: (error) => report('window state', error) });
  const changed = () => keeper.changed();
  window.on('resize', changed);
  window.on('move', changed);
  window.on('maximize', changed);
  window.on('unmaximize', changed);
  window.on('enter-full-screen', changed);
  window.on('leave-full-screen', changed);
  window.on('close', () => keeper.closing());
  window.on('closed', () => keeper.dispose());
}
