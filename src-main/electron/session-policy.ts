/**
 * Session-wide refusals (Electron security checklist, "handle session permission
 * requests"). CV Steward needs no camera, microphone, notifications from the page,
 * geolocation, clipboard reads, HID/USB/serial devices or downloads started by the page
 * (exports are written by main, into folders main chose), so every one is refused:
 * requests (a prompt would appear) and checks (a silent "is it granted?") alike.
 *
 * Types only from Electron, so the policy is unit-tested with a fake session.
 */

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's Session the policy needs; a real Session satisfies it. */
export interface PolicySession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: PreventableEvent) => void): unknown;
}

const hardened = new WeakSet<object>();

/** Idempotent: applied to the default session and to any session created later. */
export function hardenSession(session: PolicySession): void {
  if (hardened.has(session)) return;
  hardened.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
