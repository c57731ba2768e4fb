/**
 * A folder the user cannot write: creating a project in it, saving a copy into it, exporting into
 * it (the MP4 and an editor hand-off) and opening a project there (every edit is saved at once)
 * each answer one sentence naming the folder, translated
 * (en + zh-CN) by the key the service sends, and nothing is lost: the open project keeps its
 * shot and clip and the folder gets nothing.
 *
 * CI runs as root, where permission bits do not stop a write. So as root the built `storyboard
 * serve` runs through setpriv(1) (util-linux, on Debian) without the capabilities that bypass
 * them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_CHOWN: capabilities(7)), and the
 * folders it must not write belong to nobody (65534). It stays root otherwise, so it reads the
 * checkout wherever CI put it (switching to nobody needed every folder above the checkout to be
 * open to others). As another user it runs as is and the folders are chmod'ed read-only. Either
 * way it is spoken to over its WebSocket API as the UI is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { localizedMessage, type SerializedError } from '../../../shared/errors.js';
import { CLI, REPO, storyboard } from '../../helpers/cli.js';
import { realMedia } from '../../helpers/realMedia.js';
import { tempDir } from '../../helpers/tmp.js';

const NOBODY = 65534;
const AS_ROOT = process.getuid?.() === 0;
const root = tempDir();
const ro = join(root, '只读 folder');
const rw = join(root, 'rw');
mkdirSync(ro);
mkdirSync(rw);
// Someone else's project: the host may read it, not write it (made in beforeAll, then locked).
const theirs = join(root, 'their film');

/** `path` and all below: read and enter, never write — nobody's 0755/0644 as root, else 0555/0444. */
function lock(path: string): void {
  const entries = statSync(path).isDirectory() ? readdirSync(path).map((n) => join(path, n)) : [];
  for (const entry of entries) lock(entry);
  const dir = statSync(path).isDirectory();
  if (AS_ROOT) {
    chownSync(path, NOBODY, NOBODY);
    chmodSync(path, dir ? 0o755 : 0o644);
  } else chmodSync(path, dir ? 0o555 : 0o444);
}
lock(ro);

/** Root without the capabilities that bypass permission bits (see the header); others as they are. */
const LIMITED = AS_ROOT ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search,-fowner,-chown', '--'] : [];

let host: ChildProcess;
let ws: WebSocket;
let stderr = '';
const waiting = new Map<number, (msg: Record<string, unknown>) => void>();
const progress: Record<string, unknown>[] = [];
const progressWaiters: (() => void)[] = [];
let nextId = 1;

function call(method: string, payload: unknown): Promise<Record<string, unknown>> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    ws.send(JSON.stringify({ id, method, payload }));
  });
}

async function refusal(method: string, payload: unknown): Promise<SerializedError> {
  const reply = await call(method, payload);
  expect(reply.result, `${method} should fail without write permission; stderr: ${stderr}`).toBeUndefined();
  return reply.error as SerializedError;
}

/** The export's failure as the export panel receives it (export.progress). */
async function exportFailure(exportId: string): Promise<Record<string, unknown>> {
  for (;;) {
    const failed = progress.find((p) => p.exportId === exportId && p.state !== 'running');
    if (failed) return failed;
    await new Promise<void>((resolve) => progressWaiters.push(resolve));
  }
}

/** The translation files the UI reads these refusals from (renderer/src/i18n/<lang>/serviceErrors.json). */
const i18n = i18next.createInstance();
const strings = (lang: string): Record<string, unknown> =>
  Object.assign(
    {},
    ...['serviceErrors.json', 'pathErrors.json'].map(
      (f) => JSON.parse(readFileSync(join(REPO, 'renderer/src/i18n', lang, f), 'utf8')) as Record<string, unknown>,
    ),
  ) as Record<string, unknown>;

/** The sentence the UI shows for an error, in `lang`: its key's translation with its parameters. */
function shown(lang: 'en' | 'zh-CN', err: { details?: Record<string, unknown> }): string {
  const message = localizedMessage(err);
  expect(message, 'the service sends a message key').not.toBeNull();
  expect(i18n.exists(message!.key, { lng: lang }), `${lang} ${message!.key}`).toBe(true);
  return i18n.t(message!.key, { ...message!.params, lng: lang });
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(async () => {
  const made = storyboard(['new', theirs, '--name', 'Theirs']);
  expect(made.status, made.stderr).toBe(0);
  lock(theirs);
  await i18n.init({
    resources: { en: { translation: strings('en') }, 'zh-CN': { translation: strings('zh-CN') } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  // HOME and the config/cache folders in the host user's own folder.
  const env = {
    ...process.env,
    HOME: rw,
    STORYBOARD_CONFIG_DIR: join(rw, 'config'),
    STORYBOARD_CACHE_DIR: join(rw, 'cache'),
  };
  const [command, ...args] = [...LIMITED, process.execPath, CLI, 'serve', rw, '--port', '0'] as [string, ...string[]];
  host = spawn(command, args, { cwd: rw, env, stdio: ['ignore', 'pipe', 'pipe'] });
  host.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    host.once('error', reject);
    host.once('exit', (code) => reject(new Error(`storyboard serve (limited) exited with ${code}: ${stderr}`)));
    createInterface({ input: host.stdout! }).once('line', (line) => resolve(line.trim()));
  });
  const { port, searchParams } = new URL(url);
  ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${searchParams.get('token')}`, {
    headers: { Origin: `http://127.0.0.1:${port}` },
  });
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as Record<string, unknown>;
    if (msg.event === 'export.progress') {
      progress.push(msg.payload as Record<string, unknown>);
      for (const wake of progressWaiters.splice(0)) wake();
    } else if (typeof msg.id === 'number') waiting.get(msg.id)?.(msg);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  // The project nobody works on, with one shot: what must survive every refused write.
  expect((await call('project.create', { dir: join(rw, 'film'), name: 'Kept' })).error).toBeUndefined();
  const clip = realMedia('ai-clip-horse-720x480-8fps.mp4');
  expect((await call('shots.add', { prompt: 'A kite over the lake', videoPath: clip })).error).toBeUndefined();
}, 60_000);

afterAll(() => {
  ws?.close();
  host?.kill();
});

describe('a folder the user cannot write', () => {
  it('creating a project there is refused with a translated sentence naming the folder', async () => {
    const dir = join(ro, 'new film');
    const err = await refusal('project.create', { dir, name: 'Nope' });
    expect(err.code).toBe('OUTPUT_NOT_WRITABLE');
    expect(shown('en', err)).toBe(
      `Cannot create a project in ${dir}: the folder is not writable. Choose a folder you can write to.`,
    );
    expect(shown('zh-CN', err)).toBe(`无法在 ${dir} 中创建项目：该文件夹不可写入。请选择一个你有写入权限的文件夹。`);
    // Inside the refused folder itself (it exists): the same sentence.
    const inside = await refusal('project.create', { dir: ro, name: 'Nope' });
    expect(localizedMessage(inside)?.key).toBe('serviceErrors.createFolderReadOnly');
  });

  it('saving a copy there is refused (a new folder in it, or the empty folder itself)', async () => {
    for (const dir of [join(ro, 'copy'), ro]) {
      const err = await refusal('project.saveCopy', { dir });
      expect(err.code).toBe('OUTPUT_NOT_WRITABLE');
      expect(shown('en', err)).toContain(`Cannot save a copy of the project in ${dir}: the folder is not writable.`);
      expect(shown('zh-CN', err)).toContain(`无法将项目副本保存到 ${dir}：该文件夹不可写入。`);
    }
  });

  it('exporting there is refused: the MP4 (its progress event) and an editor hand-off', async () => {
    const outPath = join(ro, 'cut.mp4');
    const started = await call('export.start', { outPath, quality: 'draft' });
    expect(started.error).toBeUndefined();
    const failed = await exportFailure((started.result as { exportId: string }).exportId);
    expect(failed.state).toBe('failed');
    const exportErr = {
      details: {
        ...(failed.localized as { params: object }).params,
        messageKey: (failed.localized as { key: string }).key,
      },
    };
    expect(shown('en', exportErr)).toBe(`Cannot export to ${outPath}: the folder ${ro} is not writable.`);
    expect(shown('zh-CN', exportErr)).toBe(`无法导出到 ${outPath}：文件夹 ${ro} 不可写入。`);
    const handoff = join(ro, 'cut.fcpxml');
    const err = await refusal('handoff.export', { format: 'fcpxml', outPath: handoff });
    expect(shown('zh-CN', err)).toBe(`无法导出到 ${handoff}：文件夹 ${ro} 不可写入。`);
  });

  it("opening someone else's project is refused as not writable, not as a disk I/O error, and leaves it as it was", async () => {
    const before = sha(join(theirs, 'project.db'));
    const err = await refusal('project.open', { dir: theirs });
    expect(err.code).toBe('OUTPUT_NOT_WRITABLE');
    expect(shown('en', err)).toBe(
      `You can't write to the project in ${theirs} (its folder or project.db), so it can't be opened: every change is saved there at once. Get write permission for them, or copy the folder somewhere you can write.`,
    );
    expect(shown('zh-CN', err)).toContain(`你无法写入 ${theirs} 中的项目（其文件夹或 project.db），因此无法打开它`);
    expect(sha(join(theirs, 'project.db'))).toBe(before);
    expect(readdirSync(theirs).sort()).toEqual(['media', 'project.db']);
  });

  it('loses nothing: the folder got nothing and the project still holds its shot', async () => {
    expect(readdirSync(ro)).toEqual([]);
    const current = (await call('project.current', {})).result as {
      project: { name: string };
      shots: { prompt: string }[];
      takes: unknown[];
    };
    expect(current.project.name).toBe('Kept');
    expect(current.shots.map((s) => s.prompt)).toEqual(['A kite over the lake']);
    expect(current.takes).toHaveLength(1);
  });
});
