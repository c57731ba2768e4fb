/**
 * What one window (or CLI run) has open: at most one project, its running exports and
 * generation batches. Owns their lifetimes so close() can cancel everything cleanly.
 */
import { rm } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { AppError, keyedError } from '../../../shared/errors.js';
import type { Handlers } from '../../../shared/api/contract.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import type { EventHub } from '../events.js';
import type { ProjectStore } from '../project/store.js';
import { sweepInterruptedExports } from '../export/sweep.js';
import { sweepMediaTemps } from '../media/mediaStore.js';
import { abortAllFfmpeg } from '../ffmpeg/runner.js';

/** The handlers of one contract namespace (`shots` -> every `shots.*` method): one facade module each. */
export type NamespaceHandlers<N extends string> = Pick<Handlers, Extract<keyof Handlers, `${N}.${string}`>>;

export interface SessionOptions {
  /** better-sqlite3 binding built for Electron's ABI (the CLI and tests use Node's). */
  nativeBinding?: string;
}

export class Session {
  private store: ProjectStore | null = null;
  readonly exports = new Map<string, AbortController>();
  readonly batches = new Set<AbortController>();

  constructor(
    readonly hub: EventHub,
    private readonly opts: SessionOptions,
    /** Where the browser host stages uploads; a staged file is deleted once imported. */
    private readonly uploadsDir: string | null = null,
  ) {}

  /** Deletes a staged upload after its import (the project keeps its own copy). */
  async discardUpload(path: string): Promise<void> {
    if (!this.uploadsDir) return;
    const rel = relative(this.uploadsDir, resolve(path));
    if (rel.startsWith('..') || isAbsolute(rel)) return; // a user's own file: never touch it
    await rm(dirname(resolve(path)), { recursive: true, force: true });
  }

  current(): ProjectStore | null {
    return this.store;
  }

  /** The open project, or a clear error for methods that need one. */
  require(): ProjectStore {
    if (!this.store)
      throw keyedError(
        'NO_PROJECT',
        'serviceErrors.noProject',
        {},
        'No project is open: create or open a project first.',
      );
    return this.store;
  }

  storeOptions(): { nativeBinding?: string } {
    return this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {};
  }

  /** Makes `store` the open project after recovering what a crash may have left behind. */
  async adopt(store: ProjectStore): Promise<ProjectSnapshot> {
    await this.closeProject();
    this.store = store;
    await sweepInterruptedExports(store);
    await sweepMediaTemps(store.dir);
    return this.changed();
  }

  /** Runs one document edit on the open project and answers with the new snapshot. */
  edit(fn: (store: ProjectStore) => unknown): Promise<ProjectSnapshot> {
    fn(this.require());
    return Promise.resolve(this.changed());
  }

  /** Fails when the project was closed (or replaced) while files for `store` were imported. */
  requireStill(store: ProjectStore, what: string): void {
    if (this.current() !== store) throw new AppError('NO_PROJECT', `The project was closed before ${what}.`);
  }

  /** Emits and returns the new document after an edit. */
  changed(): ProjectSnapshot {
    const snapshot = this.require().snapshot();
    this.hub.emit('project.changed', snapshot);
    return snapshot;
  }

  mediaRoots(): string[] {
    return this.store ? [resolve(this.store.dir)] : [];
  }

  async closeProject(): Promise<void> {
    for (const c of [...this.exports.values(), ...this.batches]) c.abort();
    // Give cancelled work a moment to record its final state before the database closes.
    await waitFor(() => this.exports.size === 0 && this.batches.size === 0, 5000);
    this.store?.close();
    this.store = null;
  }

  async close(): Promise<void> {
    await this.closeProject();
    abortAllFfmpeg();
  }
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}
