/**
 * Wire format between the harness page and the harness server. Tiny on purpose (and
 * free of zod, so the page's bridge script stays small): the payloads themselves are
 * validated by the same dispatcher Electron uses.
 */
export const HARNESS_WS_PATH = '/__harness/ws';
export const HARNESS_BRIDGE_PATH = '/__harness/bridge.js';

export interface ClientMessage {
  id: number;
  channel: string;
  payload: unknown;
}

export type ServerMessage =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'event'; event: string; payload: unknown };
