/**
 * The operation table: method + path template (as in the spec, relative to
 * `/customvision/<version>/training/`) → operationId + handler. Paths match
 * case-insensitively; a path or method with no operation gets the gateway's 404.
 */
import type { ApiContext } from './core';
import type { Reply } from './wire';

export interface Route {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  path: string;
  operationId: string;
  handle: (ctx: ApiContext) => Reply | Promise<Reply>;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(routes: readonly Route[], method: string, segments: readonly string[]): RouteMatch | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const template = route.path.split('/');
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < template.length && ok; i += 1) {
      const part = template[i] ?? '';
      const given = segments[i] ?? '';
      if (part.startsWith('{') && part.endsWith('}')) params[part.slice(1, -1)] = given;
      else ok = part.toLowerCase() === given.toLowerCase();
    }
    if (ok) return { route, params };
  }
  return undefined;
}

const BASE = /^\/customvision\/(v3\.3|v3\.4-preview)\/training(\/.*)?$/i;

export interface ApiPath {
  apiVersion: 'v3.3' | 'v3.4-preview';
  segments: string[];
}

/** Splits an API path into version and operation segments, or undefined if not an API path. */
export function parseApiPath(pathname: string): ApiPath | undefined {
  const match = BASE.exec(pathname);
  if (!match) return undefined;
  const version = (match[1] ?? '').toLowerCase() === 'v3.3' ? 'v3.3' : 'v3.4-preview';
  const rest = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  try {
    const segments = rest === '' ? [] : rest.split('/').map((s) => decodeURIComponent(s));
    return { apiVersion: version, segments };
  } catch {
    return undefined; // malformed percent-encoding: no such operation
  }
}
