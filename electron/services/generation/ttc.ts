/**
 * TrueType/OpenType collections (.ttc). ffmpeg's drawtext opens `fontfile=` at face index 0
 * and has no option for another face (ffmpeg 5.1, `ffmpeg -h filter=drawtext`). In Debian's
 * NotoSansCJK-Regular.ttc face 0 is "Noto Sans CJK JP", which draws Japanese glyph variants
 * (骨 直 关 写 角 令 look wrong to a Chinese reader); "Noto Sans CJK SC" is face 2. So we read
 * the collection's face names and, when the face we want is not the first, write that face
 * out as a standalone font file (the tables are copied, the CFF outlines are shared).
 * Formats: https://learn.microsoft.com/en-us/typography/opentype/spec/otff#font-collections
 */
import { open, rename, stat, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

interface TableRecord {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  if (bytesRead !== length) throw new Error('Font file is truncated');
  return buf;
}

async function faceOffsets(fh: FileHandle): Promise<number[] | null> {
  const head = await readAt(fh, 0, 12);
  if (head.toString('latin1', 0, 4) !== 'ttcf') return null;
  const count = head.readUInt32BE(8);
  if (count < 1 || count > 1000) throw new Error('Font collection header is invalid');
  const table = await readAt(fh, 12, count * 4);
  return Array.from({ length: count }, (_, i) => table.readUInt32BE(i * 4));
}

async function tableRecords(
  fh: FileHandle,
  faceOffset: number,
): Promise<{ sfntVersion: number; tables: TableRecord[] }> {
  const head = await readAt(fh, faceOffset, 12);
  const numTables = head.readUInt16BE(4);
  const dir = await readAt(fh, faceOffset + 12, numTables * 16);
  const tables = Array.from({ length: numTables }, (_, i) => ({
    tag: dir.toString('latin1', i * 16, i * 16 + 4),
    checksum: dir.readUInt32BE(i * 16 + 4),
    offset: dir.readUInt32BE(i * 16 + 8),
    length: dir.readUInt32BE(i * 16 + 12),
  }));
  return { sfntVersion: head.readUInt32BE(0), tables };
}

/** The family name (name id 1) of a face, preferring the Windows UTF-16 English record. */
async function familyName(fh: FileHandle, tables: TableRecord[]): Promise<string> {
  const rec = tables.find((t) => t.tag === 'name');
  if (!rec) return '';
  const name = await readAt(fh, rec.offset, rec.length);
  const count = name.readUInt16BE(2);
  const strings = name.readUInt16BE(4);
  let fallback = '';
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    const [platform, , language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => name.readUInt16BE(r + o)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (nameId !== 1) continue;
    const bytes = name.subarray(strings + offset, strings + offset + length);
    if (platform === 3 || platform === 0) {
      const text = Buffer.from(bytes).swap16().toString('utf16le');
      if (platform === 3 && language === 0x409) return text;
      fallback ||= text;
    } else if (platform === 1 && !fallback) {
      fallback = bytes.toString('latin1');
    }
  }
  return fallback;
}

/** The family names of a collection's faces, in face-index order; null for a single font. */
export async function listTtcFaces(path: string): Promise<string[] | null> {
  const fh = await open(path, 'r');
  try {
    const offsets = await faceOffsets(fh);
    if (!offsets) return null;
    const names: string[] = [];
    for (const off of offsets) names.push(await familyName(fh, (await tableRecords(fh, off)).tables));
    return names;
  } finally {
    await fh.close();
  }
}

/** Index of the face for Simplified Chinese ("... SC", "... GB", "Simplified"), else 0. */
export function pickSimplifiedChineseFace(names: readonly string[]): number {
  const i = names.findIndex((n) => /(\bSC\b|\bGB|Simplified|简)/i.test(n) && !/\bMono\b/i.test(n));
  return i >= 0 ? i : 0;
}

/**
 * Writes face `index` of a collection as a standalone font in cacheDir (once; the name is
 * keyed by the source's path, size, mtime and index) and returns its path.
 */
export async function extractTtcFace(ttcPath: string, index: number, cacheDir: string): Promise<string> {
  const st = await stat(ttcPath);
  const key = createHash('sha256').update(`${ttcPath}\n${st.size}\n${st.mtimeMs}\n${index}`).digest('hex').slice(0, 16);
  const dest = join(cacheDir, `face-${key}.otf`);
  if (
    await stat(dest).then(
      (s) => s.size > 0,
      () => false,
    )
  )
    return dest;
  await mkdir(cacheDir, { recursive: true });
  const fh = await open(ttcPath, 'r');
  const tmp = `${dest}.${process.pid}.tmp`;
  try {
    const offsets = await faceOffsets(fh);
    const faceOffset = offsets?.[index];
    if (faceOffset === undefined) throw new Error(`Font "${ttcPath}" has no face ${index}`);
    const { sfntVersion, tables } = await tableRecords(fh, faceOffset);
    const headerSize = 12 + tables.length * 16;
    const header = Buffer.alloc(headerSize);
    const entrySelector = Math.floor(Math.log2(tables.length));
    header.writeUInt32BE(sfntVersion, 0);
    header.writeUInt16BE(tables.length, 4);
    header.writeUInt16BE(2 ** entrySelector * 16, 6);
    header.writeUInt16BE(entrySelector, 8);
    header.writeUInt16BE(tables.length * 16 - 2 ** entrySelector * 16, 10);
    let offset = headerSize;
    const out = await open(tmp, 'w');
    try {
      for (const [i, t] of tables.entries()) {
        header.write(t.tag, 12 + i * 16, 'latin1');
        // Table data is unchanged, so each table's checksum stays valid (head's whole-file
        // checkSumAdjustment does not, which FreeType, like every renderer, ignores).
        header.writeUInt32BE(t.checksum, 16 + i * 16);
        header.writeUInt32BE(offset, 20 + i * 16);
        header.writeUInt32BE(t.length, 24 + i * 16);
        const data = await readAt(fh, t.offset, t.length);
        await out.write(data, 0, data.length, offset);
        offset += Math.ceil(t.length / 4) * 4; // tables start on 4-byte boundaries
      }
      await out.write(header, 0, headerSize, 0);
      await out.truncate(offset);
    } finally {
      await out.close();
    }
    await rename(tmp, dest);
    return dest;
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  } finally {
    await fh.close();
  }
}
