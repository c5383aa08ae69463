/**
 * One job's AbortSignal reaches every request of that job (docs/architecture.md, "Jobs"),
 * so dozens of calls and downloads may wait on it at once, each with its own (always
 * removed) listener. Node warns "possible EventTarget memory leak" past 10 listeners; that
 * warning would be noise here, so the limit is raised once per signal instead.
 */
import { setMaxListeners } from 'node:events';

const raised = new WeakSet<AbortSignal>();

export function allowManyWaiters(signal: AbortSignal | undefined): void {
  if (!signal || raised.has(signal)) return;
  raised.add(signal);
  setMaxListeners(10_000, signal);
}
