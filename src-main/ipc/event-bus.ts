/**
 * Main→renderer events. Services emit here; the Electron shell forwards to its windows
 * and the harness to its sockets. Payloads are checked against the contract before they
 * leave, so a bug in a service shows up here, not as a confusing UI state.
 */
import { eventContract, type EventChannel, type EventPayloadOf } from '../../shared/ipc/contract';

export type EventListener = (event: EventChannel, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventChannel>(event: E, payload: EventPayloadOf<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(onInvalid?: (event: EventChannel, error: unknown) => void): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      const checked = eventContract[event].safeParse(payload);
      if (!checked.success) {
        onInvalid?.(event, checked.error);
        return;
      }
      for (const listener of [...listeners]) {
        try {
          listener(event, checked.data);
        } catch (error) {
          // One broken window or socket must not stop the others from hearing the event.
          onInvalid?.(event, error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
