/**
 * Reading a settings file that a crash, a full disk or a person with a text editor may have
 * broken. conf throws on invalid JSON (in its constructor, so the app would not start);
 * this deserializer instead moves the broken file aside, reports it, and lets the app go
 * on with empty settings. The broken file is kept, not deleted, so nothing a person typed
 * is lost without a trace.
 */
import { renameSync } from 'node:fs';
import path from 'node:path';

export type SettingsWarning = (message: string) => void;

export interface SafeDeserializerOptions {
  /** The file being read, moved aside when it cannot be parsed. */
  filePath: string;
  onWarning?: SettingsWarning;
  /** For names of moved-aside files; tests pass a fixed clock. */
  now?: () => Date;
}

/** A conf `deserialize` option: JSON text → a plain object, never a throw. */
export function createSafeDeserializer(options: SafeDeserializerOptions): (text: string) => Record<string, unknown> {
  const warn = options.onWarning ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  // conf re-reads the file on every access: when it could not be moved aside, say so once.
  let lastReported: string | undefined;
  return (text) => {
    let problem: string;
    try {
      const value: unknown = JSON.parse(text);
      if (isPlainObject(value)) return value;
      problem = 'does not hold a JSON object';
    } catch {
      problem = 'is not valid JSON';
    }
    const movedTo = quarantine(options.filePath, now());
    if (!movedTo && lastReported === text) return {};
    lastReported = text;
    warn(
      movedTo
        ? `The settings file ${options.filePath} ${problem}; it was moved to ${movedTo} and CV Steward started with empty settings.`
        : `The settings file ${options.filePath} ${problem} and could not be moved aside; CV Steward started with empty settings and will overwrite it.`,
    );
    return {};
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Renames the broken file next to itself; the new name, or null when that failed. */
function quarantine(filePath: string, when: Date): string | null {
  const { dir, name, ext } = path.parse(filePath);
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${name}.corrupt-${stamp}${ext}`);
  try {
    renameSync(filePath, target);
    return target;
  } catch {
    return null;
  }
}
