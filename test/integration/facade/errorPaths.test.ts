/**
 * The error paths a user meets, one row each, triggered for real through the services (real
 * SQLite, real ffprobe, real files): media import, relink, project open/create, settings and
 * ffmpeg, hand-off export in every format, script import. Each refusal must carry a message key
 * (shared/errors.ts keyedError) that exists in en and zh-CN, and the zh-CN sentence the renderer
 * shows (its translation files through i18next, as serviceText.ts localizedText renders a message
 * key; the e2e serviceErrors spec checks some in the UI itself) must be Chinese with no English
 * left but provider and model names, format and tool names (the glossary's list) and the file
 * names and paths the user gave. A new English-only error on one of these paths fails its row.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { HANDOFF_FORMATS } from '../../../shared/api/handoff.js';
import { decodeScriptBytes } from '../../../shared/script/decode.js';
import type { AppServices } from '../../../electron/services/app.js';
import { resolveFfmpegPaths } from '../../../electron/services/ffmpeg/binaries.js';
import { SettingsService } from '../../../electron/services/settings/store.js';
import { call, closeServices, services, servicesWithProject } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';
import {
  caught,
  englishLeft,
  localizedText,
  refusal,
  refusalOf,
  rendererI18n,
  scriptIssue,
  VERBATIM,
  type Refusal,
} from './refusal.js';
import { hugePng } from '../../helpers/png.js';
import { cfrClip, corruptFile, noAudioClip, pngImage, textFileAsMp4, truncatedClip } from '../../helpers/media.js';

const root = tempDir();

/** A project with one shot holding a real clip (hand-off needs a cut to get to its target check). */
async function projectWithClip(name: string): Promise<AppServices> {
  const s = await servicesWithProject(root, name);
  await call(s, 'shots.add', { videoPath: cfrClip(), durationSec: 1 });
  return s;
}

interface Row {
  path: string;
  key: string;
  trigger: () => Promise<Refusal>;
}

const ROWS: Row[] = [
  // Media import.
  {
    path: 'import: unsupported file (a text file named .mp4)',
    key: 'svc.media.textFile',
    trigger: async () => refusal(await servicesWithProject(root, 'imp1'), 'media.import', { path: textFileAsMp4() }),
  },
  {
    path: 'import: broken file (a clip cut short)',
    key: 'svc.media.corrupt',
    trigger: async () => refusal(await servicesWithProject(root, 'imp2'), 'media.import', { path: truncatedClip() }),
  },
  {
    path: 'import: random bytes named .mp4',
    key: 'svc.media.corrupt',
    trigger: async () => refusal(await servicesWithProject(root, 'imp3'), 'media.import', { path: corruptFile() }),
  },
  {
    path: 'import: huge picture (over the pixel limit)',
    key: 'hardening.error.pictureTooLarge',
    trigger: async () => {
      // A 10000x6000 PNG header: 60 MP, over the 50 MP limit, refused from the probed header.
      const file = join(root, 'huge 巨幅.png');
      writeFileSync(file, hugePng(10_000, 6_000));
      return refusal(await servicesWithProject(root, 'imp4'), 'media.import', { path: file });
    },
  },
  {
    path: 'import: missing file',
    key: 'svc.media.notFound',
    trigger: async () =>
      refusal(await servicesWithProject(root, 'imp5'), 'media.import', { path: join(root, 'gone 不见了.mp4') }),
  },
  {
    path: 'import: Unicode path (a damaged clip in a Chinese folder)',
    key: 'svc.media.corrupt',
    trigger: async () => {
      const dir = join(root, '素材 文件夹');
      mkdirSync(dir, { recursive: true });
      copyFileSync(truncatedClip(), join(dir, '镜头一.mp4'));
      return refusal(await servicesWithProject(root, 'imp6'), 'media.import', { path: join(dir, '镜头一.mp4') });
    },
  },
  // Relink.
  {
    path: 'relink: missing file',
    key: 'pathErrors.relink.missing',
    trigger: async () => {
      const s = await servicesWithProject(root, 'rel1');
      const asset = await call(s, 'media.import', { path: cfrClip() });
      return refusal(s, 'media.relink', { assetId: asset.id, path: join(root, 'nowhere.mp4'), confirm: false });
    },
  },
  {
    path: 'relink: wrong file (another clip, other length)',
    key: 'pathErrors.relink.length',
    trigger: async () => {
      const s = await servicesWithProject(root, 'rel2');
      const asset = await call(s, 'media.import', { path: cfrClip() });
      return refusal(s, 'media.relink', { assetId: asset.id, path: noAudioClip(), confirm: false });
    },
  },
  {
    path: 'relink: wrong kind (a picture for a clip)',
    key: 'pathErrors.relink.picture',
    trigger: async () => {
      const s = await servicesWithProject(root, 'rel3');
      const asset = await call(s, 'media.import', { path: cfrClip() });
      return refusal(s, 'media.relink', { assetId: asset.id, path: pngImage(), confirm: false });
    },
  },
  // Project open / create.
  {
    path: 'open: not a project folder',
    key: 'pathErrors.project.notProject',
    trigger: async () => {
      const dir = join(root, '不是项目');
      mkdirSync(dir, { recursive: true });
      return refusal(services(), 'project.open', { dir });
    },
  },
  {
    path: 'open: newer schema',
    key: 'pathErrors.project.newer',
    trigger: async () => {
      const s = await servicesWithProject(root, 'newer 新版');
      await closeServices(s);
      const db = new Database(join(root, 'newer 新版', 'project.db'));
      db.pragma('user_version = 999');
      db.close();
      return refusal(services(), 'project.open', { dir: join(root, 'newer 新版') });
    },
  },
  {
    path: 'open: corrupt database',
    key: 'pathErrors.project.damaged',
    trigger: async () => {
      const dir = join(root, 'corrupt 损坏');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'project.db'), Buffer.alloc(8192, 7));
      return refusal(services(), 'project.open', { dir });
    },
  },
  {
    path: 'open: a database made by another program',
    key: 'pathErrors.project.foreign',
    trigger: async () => {
      const dir = join(root, 'foreign 别的');
      mkdirSync(dir, { recursive: true });
      const db = new Database(join(dir, 'project.db'));
      db.exec('CREATE TABLE notes (x TEXT)');
      db.pragma('user_version = 1');
      db.close();
      return refusal(services(), 'project.open', { dir });
    },
  },
  {
    path: 'create: a project already exists there ("Open it")',
    key: 'serviceErrors.projectExists',
    trigger: async () => {
      await closeServices(await servicesWithProject(root, 'exists 已有'));
      return refusal(services(), 'project.create', { dir: join(root, 'exists 已有'), name: 'again' });
    },
  },
  // Settings and ffmpeg.
  {
    path: 'settings: bad ffmpeg path',
    key: 'pathErrors.ffmpeg.ffmpegSetting',
    trigger: async () =>
      caught(() => resolveFfmpegPaths({ ffmpegPath: join(root, 'no ffmpeg here'), env: {}, useFfmpegStatic: false })),
  },
  {
    path: 'settings: FFMPEG_PATH not a program',
    key: 'pathErrors.ffmpeg.envPath',
    trigger: async () => caught(() => resolveFfmpegPaths({ env: { FFMPEG_PATH: root }, useFfmpegStatic: false })),
  },
  {
    path: 'settings: bad API key format (a pasted header line)',
    key: 'pathErrors.settings.badKey',
    trigger: async () => {
      const saved = new Map<string, string>();
      const settings = new SettingsService({
        configDir: join(root, 'settings'),
        env: {},
        providers: () => [{ id: 'fal', label: 'fal.ai' }] as never,
        secrets: {
          get: async (id) => saved.get(id) ?? null,
          set: async (id, key) => void saved.set(id, key),
          delete: async (id) => void saved.delete(id),
        },
      });
      const err = await settings.update({ providers: { fal: { apiKey: 'Authorization: Key abc123' } } }).then(
        () => new Error('no error'),
        (e: unknown) => e,
      );
      expect(saved.size).toBe(0); // nothing reached the keychain
      return refusalOf(err);
    },
  },
  // Hand-off export: each format to a folder that does not exist. (A folder that is not writable
  // raises serviceErrors.exportFolderReadOnly, the MP4 export's key; CI runs as root, which
  // writes anywhere, so that path cannot be triggered for real here.)
  ...HANDOFF_FORMATS.map((format): Row => ({
    path: `hand-off ${format}: target folder missing`,
    key: 'serviceErrors.exportFolderMissing',
    trigger: async () =>
      refusal(await projectWithClip(`ho ${format}`), 'handoff.export', {
        format,
        outPath: join(root, 'no such folder 无此', `cut.${format}`),
      }),
  })),
  {
    path: 'hand-off: a project with no shots',
    key: 'serviceErrors.exportNoShots',
    trigger: async () =>
      refusal(await servicesWithProject(root, 'ho empty'), 'handoff.export', {
        format: 'otio',
        outPath: join(root, 'empty.otio'),
      }),
  },
  // Script import: the bytes the renderer and the CLI read, then the service's proposal.
  {
    path: 'script: wrong encoding (neither UTF-8 nor GB18030)',
    key: 'pathErrors.script.encoding',
    trigger: async () => {
      // 0x80 0xFF: no UTF-8 sequence and no GB18030 one.
      expect(decodeScriptBytes(Uint8Array.from([0x49, 0x4e, 0x54, 0x2e, 0x80, 0xff, 0x0a]))).toBeNull();
      return {
        localized: { key: 'pathErrors.script.encoding', params: { file: '剧本.txt' } },
        message: '',
      };
    },
  },
  {
    path: 'script: text already read in the wrong encoding (replacement characters)',
    key: 'scriptIssues.badEncoding',
    trigger: async () => scriptIssue(await servicesWithProject(root, 'sc1'), '清晨\n\uFFFD\uFFFD走进厨房\n'),
  },
  {
    path: 'script: bad file (binary bytes)',
    key: 'scriptIssues.notText',
    trigger: async () => scriptIssue(await servicesWithProject(root, 'sc2'), 'INT. ROOM\n\u0000\u0001PK\u0003'),
  },
  {
    path: 'script: huge file (over the size limit, sent anyway)',
    key: 'pathErrors.invalidRequest',
    trigger: async () =>
      refusal(await servicesWithProject(root, 'sc3'), 'script.propose', {
        text: 'a'.repeat(5 * 1024 * 1024 + 1),
        fileName: '长剧本.txt',
      }),
  },
];

let i18nEn: I18n;
let i18nZh: I18n;
beforeAll(async () => {
  i18nEn = await rendererI18n('en');
  i18nZh = await rendererI18n('zh-CN');
});

describe('error paths, each a specific translated sentence', () => {
  it.each(ROWS.map((r) => [r.path, r] as const))('%s', async (_, row) => {
    const got = await row.trigger();
    expect(got.localized?.key, got.message).toBe(row.key);
    const localized = got.localized!;
    expect(i18nEn.exists(localized.key), `en has ${localized.key}`).toBe(true);
    expect(i18nZh.exists(localized.key), `zh-CN has ${localized.key}`).toBe(true);
    const zh = localizedText(i18nZh, localized, got.message);
    const enText = localizedText(i18nEn, localized, got.message);
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(zh).not.toMatch(/\{\{|undefined/);
    expect(englishLeft(zh, localized.params), zh).toEqual([]);
    // The English sentence names the same things (the user's paths and names), filled in.
    expect(enText).not.toMatch(/\{\{|undefined/);
    for (const [k, v] of Object.entries(localized.params))
      if (VERBATIM.has(k) && typeof v === 'string' && v && zh.includes(v)) expect(enText).toContain(v);
  });
});
