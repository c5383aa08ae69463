import { inspect } from 'node:util';

/** How many `cause` links are followed: enough for "HTTP failed ← socket reset", not
 * enough for a cycle to matter. */
const MAX_CAUSE_DEPTH = 3;

/** One line fit for a dialog: "TypeError: x is not a function". Not redacted. */
export function summarizeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : inspect(error, { depth: 2, breakLength: Infinity });
}

/**
 * The full text of an error for the log: message, stack, the AppError-style `code` and
 * the `cause` chain. Not redacted — the caller redacts the whole line at once.
 * Anything thrown that is not an Error (a string, a plain object) is inspected instead.
 */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return summarizeError(error);
  const head = summarizeError(error);
  const code = (error as { code?: unknown }).code;
  const codePart = typeof code === 'string' || typeof code === 'number' ? ` [code ${String(code)}]` : '';
  // V8 stacks begin with "Name: message"; a custom or missing stack may not.
  const stack = error.stack ?? '';
  const frames = stack.startsWith(head) ? stack.slice(head.length) : stack ? `\n${stack}` : '';
  let text = `${head}${codePart}${frames}`;
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    text += `\nCaused by: ${describeError(error.cause, depth + 1)}`;
  }
  return text;
}
