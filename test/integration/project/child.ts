/**
 * Child process for the crash and lock tests, bundled by harness.ts and run with plain node.
 * Usage: child.cjs <mode> <dir>. Every line it prints is one JSON object.
 *   create  make a project (the parent may set the migration kill hook)
 *   open    open (and so migrate) a project, print its schema version, close
 *   try     try to open; print { ok } or the error code and message
 *   hold    open and keep it open until stdin closes
 *   edit    make scripted edits forever, acknowledging each after it committed
 */
import { writeSync } from 'node:fs';
import { AppError } from '../../../shared/errors.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { INIT } from './fixtures.js';

/** Synchronous write: an acknowledgement is on the pipe before the next edit starts. */
function say(msg: Record<string, unknown>): void {
  writeSync(1, `${JSON.stringify(msg)}\n`);
}

function edit(store: ProjectStore): never {
  const live: string[] = [];
  for (let i = 0; ; i++) {
    const shot = store.shots.add({ title: `t-${process.pid}-${i}`, durationFrames: 1 + (i % 50) });
    live.push(shot.id);
    say({ op: 'add', id: shot.id, title: shot.title });
    const prompt = `p-${process.pid}-${i}`;
    store.shots.update(shot.id, { prompt });
    say({ op: 'update', id: shot.id, prompt });
    if (i % 3 === 2) {
      const victim = live.splice(live.length - 3, 1)[0] as string;
      store.shots.remove(victim);
      say({ op: 'remove', id: victim });
    }
    if (i % 4 === 3) {
      store.shots.move(shot.id, 0);
      say({ op: 'move', id: shot.id });
    }
  }
}

function main(): void {
  const [mode, dir] = process.argv.slice(2);
  if (!mode || !dir) throw new Error('usage: child <mode> <dir>');
  try {
    if (mode === 'create') {
      ProjectStore.create(dir, INIT).close();
      say({ ok: true });
      return;
    }
    const store = ProjectStore.open(dir);
    if (mode === 'try' || mode === 'open') {
      say({ ok: true, shots: store.snapshot().shots.length });
      store.close();
    } else if (mode === 'hold') {
      say({ ok: true, held: true });
      process.stdin.on('end', () => {
        store.close();
        say({ closed: true });
      });
      process.stdin.resume();
    } else if (mode === 'edit') {
      say({ ok: true, ready: true });
      edit(store);
    }
  } catch (err) {
    if (err instanceof AppError) say({ ok: false, code: err.code, message: err.message });
    else throw err;
  }
}

main();
