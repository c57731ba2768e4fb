/** A tiny typed event hub for contract events (project.changed, job.progress, export.progress). */
import type { EventName, EventPayload } from '../../shared/api/contract.js';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

export class EventHub {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch {
        // A broken listener (a closed socket, say) must not stop the others or the service.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
