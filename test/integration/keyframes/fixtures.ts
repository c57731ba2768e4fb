/** Pictures the keyframe tests give a character. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realMedia } from '../../helpers/realMedia.js';

/** Three different pictures of one character (the real first frame, and two crops of it as PNG). */
export function threePictures(dir: string): string[] {
  const camping = realMedia('first-frame-camping.png');
  const bytes = readFileSync(camping);
  const a = join(dir, 'mara-1.png');
  writeFileSync(a, bytes);
  // The same picture with a different trailing chunk: other bytes, still a valid PNG.
  const b = join(dir, 'mara-2.png');
  writeFileSync(b, Buffer.concat([bytes, Buffer.from('x')]));
  const c = join(dir, 'mara-3.png');
  writeFileSync(c, Buffer.concat([bytes, Buffer.from('yy')]));
  return [a, b, c];
}

/** Adds the character Mara Lee to the project in `dir`, with three pictures made in `root`; answers them. */
export async function addMara(ok: (args: string[]) => Promise<string>, dir: string, root: string): Promise<string[]> {
  const pics = threePictures(root);
  await ok([
    'element',
    'add',
    dir,
    '--name',
    'Mara Lee',
    ...pics.flatMap((p) => ['--image', p]),
    '--description',
    'tall woman in a red coat',
  ]);
  return pics;
}
