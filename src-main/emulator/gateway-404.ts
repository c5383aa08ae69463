/**
 * The `gateway404Operations` setting: chosen operations answered by the gateway's 404
 * `{"error":{"code":"404","message":"Resource not found"}}` — the body API Management in
 * front of Cognitive Services gives an unrouted request — whether or not the thing exists,
 * without running the operation. A client that reads every 404 as "it is gone" would then
 * believe something was deleted; the service's own NotFound answers name what is missing
 * (`{"code":"NotFoundImage",…}`).
 */
import { z } from 'zod';
import { ROUTES } from './routes';

/** Every emulated operationId, in table order. */
export const OPERATION_IDS: readonly string[] = [...new Set(ROUTES.map((route) => route.operationId))];

const CANONICAL = new Map(OPERATION_IDS.map((id) => [id.toLowerCase(), id]));

export function unknownOperationMessage(name: string): string {
  return `unknown operation "${name.slice(0, 60)}"; the operations are ${OPERATION_IDS.join(', ')}`;
}

/**
 * A list of operationIds (case-insensitive, as written in the spec), replacing the current
 * one; answered deduplicated in table order so config reads back the same whatever order
 * was given. Unknown names are refused with the list of valid ones.
 */
export const gateway404ListSchema = z
  .array(z.string())
  .max(OPERATION_IDS.length * 4)
  .transform((names, ctx) => {
    const given = new Set<string>();
    for (const name of names) {
      const id = CANONICAL.get(name.trim().toLowerCase());
      if (id) given.add(id);
      else ctx.addIssue({ code: 'custom', message: unknownOperationMessage(name) });
    }
    return OPERATION_IDS.filter((id) => given.has(id));
  });

export function isGateway404(config: { readonly gateway404Operations: readonly string[] }, operationId: string): boolean {
  return config.gateway404Operations.includes(operationId);
}
