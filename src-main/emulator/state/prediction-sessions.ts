/**
 * QueryPredictions paging. The first query opens a session that freezes the ordered list
 * of matching prediction ids; `continuation` is an opaque offset into it. Predictions
 * deleted between pages are skipped. Real sessions look like "2:4193186" and the last page
 * answers `continuation: null` (Microsoft's recorded QueryPredictionResults traffic).
 */
const MAX_SESSIONS = 500;

interface Session {
  projectId: string;
  ids: readonly string[];
}

export class PredictionSessions {
  private readonly sessions = new Map<string, Session>();
  private counter = 4_193_000;

  open(projectId: string, ids: readonly string[]): string {
    this.counter += 1;
    const id = `2:${this.counter}`;
    this.sessions.set(id, { projectId, ids });
    if (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    return id;
  }

  get(id: string, projectId: string): readonly string[] | undefined {
    const session = this.sessions.get(id);
    return session && session.projectId === projectId ? session.ids : undefined;
  }
}

export function encodeContinuation(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64');
}

export function decodeContinuation(text: string): number | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'o' in value && Number.isInteger(value.o) && Number(value.o) >= 0) {
      return Number(value.o);
    }
  } catch {
    // fall through: not one of ours
  }
  return undefined;
}
