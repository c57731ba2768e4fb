/**
 * Dialogue through the services facade with the real offline voice (eSpeak NG WebAssembly),
 * real SQLite and real ffprobe: lines, voices, voice-over placement, re-voicing as one undo
 * step, the speech cache, fit, and bad input refused with nothing written.
 */
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api/contract.js';
import { tooShortShots } from '../../../shared/model/dialogueTiming.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import type { AppServices } from '../../../electron/services/app.js';
import { call, servicesWithProject } from '../../helpers/services.js';
import { realMedia } from '../../helpers/realMedia.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();

/** Runs dialogue.voice and waits until every job it queued has ended. */
async function voice(
  s: AppServices,
  input: { shotIds?: string[]; force?: boolean } = {},
): Promise<{ jobIds: string[]; placed: number; snap: ProjectSnapshot }> {
  const ended = new Set<string>();
  let wake: () => void = () => {};
  const off = s.on('job.progress', (p: EventPayload<'job.progress'>) => {
    if (['succeeded', 'failed', 'canceled', 'unknown'].includes(p.state)) ended.add(p.jobId);
    wake();
  });
  try {
    const r = await call(s, 'dialogue.voice', input);
    while (!r.jobIds.every((id) => ended.has(id))) await new Promise<void>((res) => (wake = res));
    const snap = await call(s, 'project.current', {});
    return { ...r, snap: snap! };
  } finally {
    off();
  }
}

async function cast(s: AppServices): Promise<{ xm: string; anna: string }> {
  const xm = (await call(s, 'elements.create', { name: '小明', kind: 'character' })).element.id;
  const anna = (await call(s, 'elements.create', { name: 'Anna', kind: 'character' })).element.id;
  await call(s, 'dialogue.setVoice', { elementId: xm, voice: { provider: 'espeak', voiceId: 'cmn+m3', speed: 1 } });
  await call(s, 'dialogue.setVoice', {
    elementId: anna,
    voice: { provider: 'espeak', voiceId: 'en-us+f3', speed: 1.1 },
  });
  return { xm, anna };
}

describe('dialogue with the offline voice', () => {
  it('voices lines onto the voice-over lane at their times, warns on a short shot, and fit fixes it in one undo step', async () => {
    const s = await servicesWithProject(root, 'voice');
    await cast(s);
    const { shotId: a } = await call(s, 'shots.add', {
      prompt: 'kitchen',
      durationSec: 1,
      dialogue: ['小明: 你好，今天我们去公园吧。', 'Anna: Sounds great, let us go!'],
    });
    const { shotId: b } = await call(s, 'shots.add', {
      prompt: 'park',
      durationSec: 6,
      dialogue: ['Narrator: 天黑了。'],
    });
    const { jobIds, snap } = await voice(s);
    expect(jobIds).toHaveLength(3);
    expect(snap.jobs.filter((j) => jobIds.includes(j.id)).map((j) => j.state)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
    const lines = snap.dialogueLines ?? [];
    const items = new Map(snap.audioItems.map((i) => [i.id, i]));
    for (const l of lines) {
      const item = items.get(l.voiceItemId ?? '');
      expect(item?.lane).toBe('voiceover');
      const asset = snap.assets.find((x) => x.id === item?.assetId);
      expect(asset?.info.kind).toBe('audio');
      expect(asset!.info.durationSec).toBeGreaterThan(0.4);
    }
    // The second line starts after the first one's audio (plus the gap); shot b's line after shot a.
    const [l1, l2, l3] = lines.map((l) => items.get(l.voiceItemId ?? '')!);
    expect(l1!.startFrame).toBe(2); // 0.25 s lead at 8 fps
    expect(l2!.startFrame).toBeGreaterThan(l1!.startFrame);
    expect(tooShortShots(snap).map((t) => t.shotId)).toEqual([a]);
    const before = snap.history.revision;
    const fitted = await call(s, 'dialogue.fit', { shotIds: [a, b] });
    expect(tooShortShots(fitted)).toEqual([]);
    const shotA = fitted.shots.find((x) => x.id === a)!;
    // Shot b's line moved with shot a's new length.
    const moved = fitted.audioItems.find((i) => i.id === lines[2]!.voiceItemId)!;
    expect(moved.startFrame).toBe(shotA.durationFrames + 2);
    expect(l3!.startFrame).not.toBe(moved.startFrame);
    const undone = await call(s, 'history.undo', {});
    expect(undone.shots.find((x) => x.id === a)!.durationFrames).toBe(8);
    expect(undone.audioItems.find((i) => i.id === lines[2]!.voiceItemId)!.startFrame).toBe(l3!.startFrame);
    expect(undone.history.revision).toBeGreaterThan(before);
  });

  it('re-voicing an edited line replaces its item as one undo step; unchanged words come from the cache', async () => {
    const s = await servicesWithProject(root, 'revoice');
    await cast(s);
    const { shotId } = await call(s, 'shots.add', { prompt: 'x', durationSec: 5, dialogue: ['Anna: Hello there.'] });
    const first = await voice(s);
    expect(first.jobIds).toHaveLength(1);
    const line = first.snap.dialogueLines![0]!;
    expect((await voice(s)).jobIds).toHaveLength(0); // current audio: nothing to do
    await call(s, 'dialogue.setLines', {
      shotId,
      lines: [{ id: line.id, speakerId: line.speakerId, text: 'Hello again.' }],
    });
    const second = await voice(s);
    expect(second.jobIds).toHaveLength(1);
    const relined = second.snap.dialogueLines![0]!;
    expect(relined.voiceItemId).not.toBe(line.voiceItemId);
    expect(second.snap.audioItems.filter((i) => i.lane === 'voiceover')).toHaveLength(1);
    const undone = await call(s, 'history.undo', {});
    expect(undone.dialogueLines![0]!.voiceItemId).toBe(line.voiceItemId);
    expect(undone.audioItems.map((i) => i.id)).toEqual([line.voiceItemId]);
    // The old words again: placed from the speech cache, no job.
    await call(s, 'history.redo', {});
    await call(s, 'dialogue.setLines', {
      shotId,
      lines: [{ id: line.id, speakerId: line.speakerId, text: 'Hello there.' }],
    });
    const third = await voice(s);
    expect(third.jobIds).toHaveLength(0);
    expect(third.placed).toBe(1);
    expect(third.snap.audioItems.find((i) => i.id === third.snap.dialogueLines![0]!.voiceItemId)?.assetId).toBe(
      first.snap.audioItems.find((i) => i.id === line.voiceItemId)?.assetId,
    );
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const s = await servicesWithProject(root, 'bad');
    const { xm } = await cast(s);
    const { shotId } = await call(s, 'shots.add', { prompt: 'x', durationSec: 2, dialogue: ['小明: 好。'] });
    const snap0 = (await call(s, 'project.current', {}))!;
    const expectRefused = async (p: Promise<unknown>, code: string, text: RegExp): Promise<void> => {
      const err = await p.then(
        () => null,
        (e: Error & { code?: string }) => e,
      );
      expect(err?.code).toBe(code);
      expect(err?.message).toMatch(text);
    };
    await expectRefused(
      call(s, 'shots.add', { prompt: 'y', dialogue: ['小红: 你好'] }),
      'INVALID_INPUT',
      /nobody in this project is called "小红"/,
    );
    await expectRefused(
      call(s, 'shots.add', { prompt: 'y', dialogue: ['小明:   '] }),
      'INVALID_INPUT',
      /Line 1 is empty/,
    );
    await expectRefused(
      call(s, 'dialogue.setLines', { shotId, lines: [{ speakerId: xm, text: '字'.repeat(10_000) }] }),
      'INVALID_INPUT',
      /10000 characters long; a spoken line holds at most 500/,
    );
    await expectRefused(
      call(s, 'dialogue.setLines', {
        shotId,
        lines: [
          { speakerId: xm, text: 'ok' },
          { speakerId: null, text: '' },
        ],
      }),
      'INVALID_INPUT',
      /Line 2 is empty/,
    );
    await expectRefused(
      call(s, 'dialogue.setVoice', { elementId: xm, voice: { provider: 'espeak', voiceId: 'klingon', speed: 1 } }),
      'INVALID_INPUT',
      /offline voice "klingon" does not exist/,
    );
    const after = (await call(s, 'project.current', {}))!;
    expect(after.history.revision).toBe(snap0.history.revision);
    expect(after.shots).toHaveLength(1);
    expect(after.dialogueLines).toEqual(snap0.dialogueLines);
    expect(after.elements).toEqual(snap0.elements);
  });

  it("the take's own sound has gain and mute, one undo step each", async () => {
    const s = await servicesWithProject(root, 'takeaudio');
    const { snapshot } = await call(s, 'shots.add', { videoPath: realMedia('ai-clip-horse-720x480-8fps.mp4') });
    const take = snapshot.takes[0]!;
    const muted = await call(s, 'takes.setAudio', { takeId: take.id, muted: true, gainDb: -6 });
    expect(muted.takes[0]).toMatchObject({ audioMuted: true, audioGainDb: -6 });
    const undone = await call(s, 'history.undo', {});
    expect(undone.takes[0]!.audioMuted).toBeUndefined();
    expect(undone.takes[0]!.audioGainDb).toBeUndefined();
  });
});
