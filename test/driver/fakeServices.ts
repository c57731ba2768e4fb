/**
 * An in-memory stand-in for the services' editing methods, with an undo stack of whole
 * documents: enough to check that each gesture is ONE call and ONE undo step. Every call is
 * recorded. Edits follow the documented semantics of the contract (moveMany: the moved shots,
 * in their order, start at toIndex of the result; split: atFrame after the shot's start).
 */
import type { ApiClient } from '../../renderer/src/api/client.js';
import type { AudioItem, ProjectSnapshot, Shot } from '../../shared/model/entities.js';
import { resolveTrim, takeFrames } from '../../shared/model/timeline.js';

export interface Call {
  method: string;
  input: Record<string, unknown>;
}

export class FakeServices {
  readonly calls: Call[] = [];
  private undoStack: ProjectSnapshot[] = [];
  private redoStack: ProjectSnapshot[] = [];
  private nextId = 1;

  constructor(public doc: ProjectSnapshot) {}

  private ordered(): Shot[] {
    return [...this.doc.shots].sort((a, b) => a.position - b.position);
  }

  private commit(shots: Shot[], audioItems: AudioItem[] = this.doc.audioItems): ProjectSnapshot {
    this.undoStack.push(this.doc);
    this.redoStack = [];
    const revision = this.doc.history.revision + 1;
    this.doc = {
      ...this.doc,
      shots: shots.map((s, i) => ({ ...s, position: i })),
      audioItems,
      history: { canUndo: true, canRedo: false, revision },
    };
    return this.doc;
  }

  private handle(method: string, input: Record<string, unknown>): ProjectSnapshot {
    const shots = this.ordered();
    const ids = (input.shotIds as string[] | undefined) ?? [];
    switch (method) {
      case 'shots.moveMany': {
        const set = new Set(ids);
        const moved = shots.filter((s) => set.has(s.id));
        const rest = shots.filter((s) => !set.has(s.id));
        const at = Math.min(Math.max(0, input.toIndex as number), rest.length);
        return this.commit([...rest.slice(0, at), ...moved, ...rest.slice(at)]);
      }
      case 'shots.setTrim':
        return this.commit(
          shots.map((s) =>
            s.id === input.shotId
              ? { ...s, trimInFrames: input.inFrames as number, trimOutFrames: input.outFrames as number | null }
              : s,
          ),
        );
      case 'shots.removeMany':
        return this.commit(shots.filter((s) => !ids.includes(s.id)));
      case 'shots.duplicate': {
        const copies = shots.filter((s) => ids.includes(s.id)).map((s) => ({ ...s, id: `copy${this.nextId++}` }));
        const last = Math.max(...ids.map((id) => shots.findIndex((s) => s.id === id)));
        const at = (input.toIndex as number | undefined) ?? last + 1;
        return this.commit([...shots.slice(0, at), ...copies, ...shots.slice(at)]);
      }
      case 'shots.split': {
        const i = shots.findIndex((s) => s.id === input.shotId);
        const shot = shots[i] as Shot;
        const take = this.doc.takes.find((t) => t.id === shot.selectedTakeId);
        const asset = take && this.doc.assets.find((a) => a.id === take.assetId);
        const at = input.atFrame as number;
        const second: Shot = { ...shot, id: `split${this.nextId++}` };
        let first: Shot = shot;
        if (asset) {
          const trim = resolveTrim(shot, takeFrames(asset, this.doc.project.fps));
          first = { ...shot, trimOutFrames: trim.inFrames + at };
          second.trimInFrames = trim.inFrames + at;
        } else {
          first = { ...shot, durationFrames: at };
          second.durationFrames = shot.durationFrames - at;
        }
        return this.commit([...shots.slice(0, i), first, second, ...shots.slice(i + 1)]);
      }
      case 'audio.update': {
        const patch = input.patch as Partial<AudioItem>;
        if (!this.doc.audioItems.some((a) => a.id === input.id)) throw new Error(`no audio item ${String(input.id)}`);
        return this.commit(
          shots,
          this.doc.audioItems.map((a) => (a.id === input.id ? { ...a, ...patch } : a)),
        );
      }
      case 'audio.remove':
        return this.commit(
          shots,
          this.doc.audioItems.filter((a) => a.id !== input.id),
        );
      case 'history.undo': {
        const prev = this.undoStack.pop();
        if (!prev) throw new Error('nothing to undo');
        this.redoStack.push(this.doc);
        this.doc = prev;
        return this.doc;
      }
      default:
        throw new Error(`unexpected call ${method}`);
    }
  }

  api(): ApiClient {
    return {
      kind: 'browser',
      status: 'open',
      call: (async (method: string, input: unknown) => {
        const record = (input ?? {}) as Record<string, unknown>;
        this.calls.push({ method, input: record });
        return this.handle(method, record);
      }) as ApiClient['call'],
      on: () => () => undefined,
      onStatus: () => () => undefined,
      mediaUrl: (p) => `/media/${encodeURIComponent(p)}`,
      importFile: async () => '/staged/file',
    };
  }

  /** Edit calls only (what costs an undo step). */
  edits(): Call[] {
    return this.calls.filter((c) => c.method !== 'history.undo');
  }
}
