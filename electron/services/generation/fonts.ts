/**
 * Finds a font for title cards that draws Chinese (and Latin): a missing CJK font would
 * render every ideograph as an empty box ("tofu"). Order (resources/fonts/README.md):
 *   1. the app setting / an explicit argument, 2. STORYBOARD_FONT, 3. a font shipped in
 *   resources/fonts/, 4. system fonts known to cover CJK, 5. fontconfig's list of fonts that
 *   cover zh-cn. A named font that does not exist is an error, never silently replaced.
 * Collections (.ttc) are reduced to their Simplified Chinese face (ttc.ts explains why).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import { extractTtcFace, listTtcFaces, pickSimplifiedChineseFace } from './ttc.js';

export type FontSource = 'setting' | 'env' | 'bundled' | 'system' | 'fontconfig';

export interface ResolvedFont {
  /** The file to pass to drawtext (may be an extracted face in the cache folder). */
  file: string;
  /** Where it was found, and the file it came from. */
  source: FontSource;
  original: string;
  /** The face's family name when the original is a collection. */
  face: string | null;
}

export interface FontOptions {
  /** From the app's settings or a CLI argument. */
  preferred?: string | null;
  env?: Record<string, string | undefined>;
  /** The folder holding bundled fonts (default: resources/fonts of the app). */
  bundledDir?: string | null;
  /** Where extracted faces and safe-named copies go (default: <tmp>/storyboard-fonts). */
  cacheDir?: string;
  platform?: NodeJS.Platform;
  /** Overrides the built-in list of system font paths (tests). */
  systemFonts?: string[];
  /** Whether to ask fontconfig (fc-list) as the last resort (default true). */
  useFontconfig?: boolean;
}

const FONT_EXT = new Set(['.ttf', '.otf', '.ttc', '.otc']);

/** Well-known CJK fonts, best first (Simplified Chinese designs before pan-CJK ones). */
export function systemCjkFonts(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    return [
      '/System/Library/Fonts/PingFang.ttc',
      '/System/Library/Fonts/Hiragino Sans GB.ttc',
      '/System/Library/Fonts/STHeiti Medium.ttc',
      '/System/Library/Fonts/STHeiti Light.ttc',
      '/System/Library/Fonts/Supplemental/Arial Unicode.ttf',
      '/Library/Fonts/Arial Unicode.ttf',
    ];
  }
  if (platform === 'win32') {
    const fonts = join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts');
    return ['msyh.ttc', 'msyh.ttf', 'Deng.ttf', 'simhei.ttf', 'simsun.ttc'].map((f) => join(fonts, f));
  }
  return [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', // Debian/Ubuntu fonts-noto-cjk
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', // Arch
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', // Fedora
    '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  ];
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );
}

/** resources/fonts, found by walking up from this module (source tree and bundled out/). */
export async function defaultBundledDir(env: Record<string, string | undefined>): Promise<string | null> {
  if (env.STORYBOARD_RESOURCES_DIR) return join(env.STORYBOARD_RESOURCES_DIR, 'fonts');
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'fonts');
    if (
      await stat(candidate).then(
        (s) => s.isDirectory(),
        () => false,
      )
    )
      return candidate;
    dir = dirname(dir);
  }
  return null;
}

async function bundledFont(dir: string | null): Promise<string | null> {
  if (!dir) return null;
  const names = await readdir(dir).catch(() => [] as string[]);
  const fonts = names.filter((n) => FONT_EXT.has(extname(n).toLowerCase())).sort();
  // A Simplified Chinese design first (NotoSansSC-*), then anything else shipped.
  const best = fonts.find((n) => /SC|GB|Hans/.test(n)) ?? fonts[0];
  return best ? join(dir, best) : null;
}

function fcListZh(): Promise<{ file: string; index: number; family: string }[]> {
  return new Promise((resolve) => {
    // fc-list ':lang=zh-cn' lists only fonts whose coverage includes the zh-cn orthography.
    // (`fc-match :lang=zh` is not enough: it always returns a best match, on Debian DejaVu Sans,
    // which has no ideographs.)
    execFile('fc-list', ['-f', '%{file}\t%{index}\t%{family}\n', ':lang=zh-cn'], { timeout: 10_000 }, (err, stdout) => {
      if (err) return resolve([]);
      const rows = stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [file = '', index = '0', family = ''] = line.split('\t');
          return { file, index: Number(index) || 0, family };
        });
      // Sans before serif, Simplified Chinese faces first, then by name for a stable choice.
      const score = (r: { family: string }): number =>
        (/\bSC\b|GB|Simplified/i.test(r.family) ? 0 : 2) + (/serif|mono/i.test(r.family) ? 1 : 0);
      resolve(rows.filter((r) => r.file).sort((a, b) => score(a) - score(b) || a.file.localeCompare(b.file)));
    });
  });
}

/** Names drawtext can take without trouble on every OS; anything else is copied to the cache. */
const SAFE_PATH = /^[A-Za-z0-9_./\\:-]+$/;

async function usable(
  original: string,
  source: FontSource,
  cacheDir: string,
  faceIndex?: number,
): Promise<ResolvedFont> {
  const faces = await listTtcFaces(original).catch((err: unknown) => {
    throw new AppError('INVALID_INPUT', `Font "${original}" could not be read: ${(err as Error).message}`);
  });
  let file = original;
  let face: string | null = null;
  if (faces) {
    const index = faceIndex ?? pickSimplifiedChineseFace(faces);
    face = faces[index] ?? null;
    if (index > 0) file = await extractTtcFace(original, index, cacheDir);
  }
  if (!SAFE_PATH.test(file)) {
    // FreeType opens fontfile= with the C runtime's fopen, which on Windows cannot open
    // non-ASCII paths; an ASCII-named copy works everywhere.
    const key = createHash('sha256').update(file).digest('hex').slice(0, 16);
    const copy = join(cacheDir, `font-${key}${extname(file).toLowerCase()}`);
    if (!(await isFile(copy))) {
      await mkdir(cacheDir, { recursive: true });
      await copyFile(file, copy);
    }
    file = copy;
  }
  return { file, source, original, face };
}

export async function resolveTitleFont(opts: FontOptions = {}): Promise<ResolvedFont> {
  const env = opts.env ?? process.env;
  const cacheDir = opts.cacheDir ?? join(tmpdir(), 'storyboard-fonts');
  const named: [FontSource, string | null | undefined, string][] = [
    ['setting', opts.preferred, 'the title-card font setting'],
    ['env', env.STORYBOARD_FONT, 'STORYBOARD_FONT'],
  ];
  for (const [source, path, what] of named) {
    if (!path) continue;
    if (!(await isFile(path)))
      throw new AppError('INVALID_INPUT', `The font "${path}" named by ${what} does not exist or is empty.`);
    return usable(path, source, cacheDir);
  }
  const bundled = await bundledFont(opts.bundledDir !== undefined ? opts.bundledDir : await defaultBundledDir(env));
  if (bundled) return usable(bundled, 'bundled', cacheDir);
  for (const path of opts.systemFonts ?? systemCjkFonts(opts.platform ?? process.platform, env)) {
    if (await isFile(path)) return usable(path, 'system', cacheDir);
  }
  if (opts.useFontconfig !== false) {
    for (const row of await fcListZh()) {
      if (await isFile(row.file)) return usable(row.file, 'fontconfig', cacheDir, row.index);
    }
  }
  throw new AppError(
    'NOT_FOUND',
    'No font that can draw Chinese text was found for title cards. Install Noto Sans CJK (e.g. the fonts-noto-cjk package), ' +
      'put a font in resources/fonts, or set STORYBOARD_FONT to a .ttf/.otf/.ttc file.',
  );
}
