/**
 * The fake ComfyUI's file routes: GET /view (streams a file of the input/output folder; 404
 * when missing or "expired") and POST /upload/image (multipart, parsed by Node's own
 * Request.formData(); without `overwrite` an existing name becomes "name (1).ext", as
 * image_upload does in server.py).
 */
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import type { HistoryEntry } from './comfyui-exec.js';

export interface FakeDirs {
  inputDir: string;
  outputDir: string;
}

/** Did this prompt write that file (any output key: images, gifs, ...)? */
export function madeFile(e: HistoryEntry, filename: string, subfolder: string): boolean {
  return Object.values(e.outputs).some((ui) =>
    Object.values(ui).some(
      (list) =>
        Array.isArray(list) &&
        list.some(
          (f: { filename?: string; subfolder?: string }) =>
            f?.filename === filename && (f.subfolder ?? '') === subfolder,
        ),
    ),
  );
}

/** Answers GET /view; returns the status sent. */
export function view(
  url: URL,
  res: ServerResponse,
  dirs: FakeDirs,
  expired: (filename: string, subfolder: string) => boolean,
): number {
  const filename = url.searchParams.get('filename') ?? '';
  const subfolder = url.searchParams.get('subfolder') ?? '';
  const type = url.searchParams.get('type') ?? 'output';
  const base = type === 'input' ? dirs.inputDir : dirs.outputDir;
  const file = resolve(base, subfolder, filename);
  if (
    !filename ||
    !file.startsWith(base + sep) ||
    !existsSync(file) ||
    (type === 'output' && expired(filename, subfolder))
  ) {
    res.writeHead(404).end();
    return 404;
  }
  res.writeHead(200, {
    'content-type': filename.endsWith('.mp4') ? 'video/mp4' : 'application/octet-stream',
    'content-length': statSync(file).size,
  });
  createReadStream(file).pipe(res);
  return 200;
}

export type UploadResult =
  | { ok: true; key: string; bytes: number; answer: { name: string; subfolder: string; type: string } }
  | { ok: false; error: unknown };

export async function upload(body: Buffer, contentType: string, dirs: FakeDirs): Promise<UploadResult> {
  const form = await new Request('http://fake/upload', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  })
    .formData()
    .catch(() => null);
  const file = form?.get('image');
  if (!form || !file || typeof file === 'string') return { ok: false, error: { error: 'No file uploaded' } };
  const subfolder = String(form.get('subfolder') ?? '');
  const type = String(form.get('type') ?? 'input');
  const overwrite = ['true', '1'].includes(String(form.get('overwrite') ?? ''));
  const dir = join(type === 'input' ? dirs.inputDir : dirs.outputDir, ...subfolder.split('/').filter(Boolean));
  mkdirSync(dir, { recursive: true });
  let name = file.name.replace(/[\\/]/g, '_');
  for (let i = 1; !overwrite && existsSync(join(dir, name)); i++)
    name = file.name.replace(/(\.[^.]*)?$/, (ext) => ` (${i})${ext}`);
  const bytes = Buffer.from(await file.arrayBuffer());
  writeFileSync(join(dir, name), bytes);
  return {
    ok: true,
    key: subfolder ? `${subfolder}/${name}` : name,
    bytes: bytes.length,
    answer: { name, subfolder, type },
  };
}
