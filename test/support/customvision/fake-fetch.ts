/**
 * A recorded stand-in for fetch: each call is kept (URL, method, headers, body) and
 * answered from a script, so unit tests see requests exactly as the service would.
 */
export interface Sent {
  url: URL;
  method: string;
  headers: Headers;
  body?: string;
  signal?: AbortSignal;
}

export type Answer = Response | Error | ((sent: Sent) => Response | Error);

export function fakeFetch(answers: Answer[] | ((sent: Sent) => Response | Error)) {
  const sent: Sent[] = [];
  const queue = Array.isArray(answers) ? [...answers] : undefined;
  const impl = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request: Sent = { url: new URL(String(input)), method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: init?.body as string | undefined };
    if (init?.signal) request.signal = init.signal;
    sent.push(request);
    let answer: Answer | undefined = queue ? queue.shift() : (answers as (s: Sent) => Response | Error);
    if (typeof answer === 'function') answer = answer(request);
    if (!answer) throw new Error('no answer scripted');
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof globalThis.fetch;
  return { fetch: impl, sent };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

export const empty = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });
