/**
 * The animatic title card is labelled with the shot's title, never a frozen "#N" (a number burned
 * into the picture goes stale after a reorder). The provider is driven with a fake ffmpeg runner
 * that reads the label file the invocation names.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnimaticProvider } from '../../../electron/services/generation/providers/animatic.js';
import type { GenerationRequest } from '../../../electron/services/generation/types.js';
import { genRequest } from '../../fakes/generationRequest.js';
import { cardLabel } from '../../../shared/animatic/titleCard.js';
import type { FfmpegInvocation } from '../../../shared/ffmpeg/invocation.js';

const dir = mkdtempSync(join(tmpdir(), 'card-label-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The label drawn on the card for a request, or null when the card has none. */
async function labelOf(over: Partial<GenerationRequest>): Promise<string | null> {
  let label: string | null | undefined;
  const provider = createAnimaticProvider({
    resolveFont: async () => ({ file: '/fonts/x.ttf', family: 'X', source: 'bundled' }) as never,
    runFfmpeg: async (inv: FfmpegInvocation) => {
      const text = JSON.stringify(inv);
      const m = /textfile=([^:"]*label\.txt)/.exec(text);
      label = m ? readFileSync(m[1] as string, 'utf8') : null;
      return { commandLine: '', stderrTail: '' };
    },
  });
  const ctx = { tmpDir: dir, settings: {} };
  const { taskId } = await provider.submit(genRequest(over), ctx);
  for (;;) {
    const p = await provider.poll(taskId, ctx);
    if (p.state !== 'running') break;
    await new Promise((r) => setImmediate(r));
  }
  if (label === undefined) throw new Error('ffmpeg was not run');
  return label;
}

describe('the animatic card label', () => {
  it("is the shot's title, without its number", async () => {
    expect(await labelOf({ title: 'Opening  on the\nlake', shotNumber: 7 })).toBe('Opening on the lake');
  });

  it('is absent when the shot has no title (no "#3")', async () => {
    expect(await labelOf({ title: '   ', shotNumber: 3 })).toBeNull();
  });

  it('keeps one line of at most 60 characters', () => {
    expect(cardLabel('  a\tb  ')).toBe('a b');
    const long = '长'.repeat(80);
    expect([...(cardLabel(long) as string)]).toHaveLength(60);
    expect(cardLabel(long)?.endsWith('…')).toBe(true);
    expect(cardLabel('')).toBeNull();
  });
});
