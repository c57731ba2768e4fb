import { describe, expect, it } from 'vitest';
import { buildExportGraph } from '../../../shared/export/args.js';
import { copyPrecheck } from '../../../shared/export/copy.js';
import { audioChain } from '../../../shared/export/filters.js';
import { buildExportPlan } from '../../../shared/export/plan.js';
import {
  burnChain,
  formatSrt,
  formatVtt,
  laidWidthPx,
  layoutCue,
  SUBTITLE_STYLES,
  subtitleCues,
  type Cue,
} from '../../../shared/export/subtitles.js';
import { ProjectSnapshotSchema } from '../../../shared/model/entities.js';
import { newAudioItem } from '../../../shared/model/factories.js';
import { makeDoc, mediaInfo } from './doc.js';

const cue = (over: Partial<Cue>): Cue => ({
  lineId: 'l1',
  startSec: 0.25,
  endSec: 2.5,
  text: '你好',
  translation: '',
  language: 'zh',
  voiced: true,
  ...over,
});

describe('sidecars', () => {
  it('SRT: numbered blocks, comma milliseconds, starts rounded up and ends down', () => {
    const srt = formatSrt([
      cue({ startSec: 1.0004, endSec: 2.9996 }),
      cue({ lineId: 'l2', startSec: 3, endSec: 4, text: 'Hi', translation: '嗨' }),
    ]);
    expect(srt).toBe('1\n00:00:01,001 --> 00:00:02,999\n你好\n\n2\n00:00:03,000 --> 00:00:04,000\nHi\n嗨\n');
  });
  it('WebVTT: header, dot milliseconds, escaped markup', () => {
    const vtt = formatVtt([cue({ text: 'a < b & c --> d', startSec: 3661.5, endSec: 3662 })]);
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(vtt).toContain('01:01:01.500 --> 01:01:02.000');
    expect(vtt).toContain('a &lt; b &amp; c --&gt; d');
  });
});

describe('burned-in layout', () => {
  it('keeps Chinese and English lines inside the safe area of every aspect, bottom-anchored', () => {
    const frames = {
      '16:9': [1280, 720],
      '9:16': [1080, 1920],
      '1:1': [1080, 1080],
      '4:5': [1080, 1350],
      '21:9': [2520, 1080],
    } as const;
    const long = '这是一句很长的中文对白，用来检查字幕是否会按照中文的规则换行，而不会超出安全区域。';
    for (const [aspect, [width, height]] of Object.entries(frames)) {
      const style = SUBTITLE_STYLES[aspect as keyof typeof frames];
      for (const text of [
        long,
        'A rather long English line that has to wrap at a space and never in the middle of a word.',
      ]) {
        const lines = layoutCue({ text, translation: '' }, { width, height }, style);
        expect(lines.length).toBeGreaterThan(1);
        for (const l of lines) {
          expect(laidWidthPx(l)).toBeLessThanOrEqual(width * (1 - 2 * style.safeX) + 1);
          expect(l.y + l.fontSize).toBeLessThanOrEqual(height * (1 - style.safeBottom));
        }
        if (!/[一-龥]/.test(text)) for (const l of lines) expect(l.text).toMatch(/^\S.*\S$/); // breaks at spaces
        if (/[一-龥]/.test(text)) for (const l of lines.slice(1)) expect(l.text[0]).not.toMatch(/[，。]/); // no line starts with closing punctuation
      }
    }
  });
  it('bilingual: the translation is a second, smaller line under the text', () => {
    const [main, tr] = layoutCue(
      { text: '你好', translation: 'Hello' },
      { width: 1280, height: 720 },
      SUBTITLE_STYLES['16:9'],
    );
    expect(main?.text).toBe('你好');
    expect(tr?.text).toBe('Hello');
    expect(tr!.fontSize).toBeLessThan(main!.fontSize);
    expect(tr!.y).toBeGreaterThan(main!.y);
  });
  it('draws each line with drawtext between its cue times; quotes, colons and % stay literal', () => {
    const g = burnChain(
      [cue({ text: "It's 100%: ok, [go]" })],
      { width: 1280, height: 720 },
      SUBTITLE_STYLES['16:9'],
      '/fonts/Noto CJK.otf',
      'vjoin',
      'vout',
    );
    expect(g.startsWith('[vjoin]drawtext=fontfile=/fonts/Noto CJK.otf:')).toBe(true);
    expect(g).toContain("text=It\\\\\\'s 100%\\\\:");
    expect(g).toContain('\\, \\[go\\]');
    expect(g).toContain('expansion=none');
    expect(g).toContain('enable=between(t\\,0.250\\,2.500)');
    expect(g.endsWith('[vout]')).toBe(true);
    expect(burnChain([], { width: 2, height: 2 }, SUBTITLE_STYLES['16:9'], '/f', 'a', 'b')).toBe('[a]null[b]');
  });
});

describe('export plan', () => {
  it('cues follow the voice-over items of voiced lines and stop at the end of the cut', () => {
    const base = makeDoc([{ info: { durationSec: 4 } }, { info: { durationSec: 4 } }], { fps: { num: 24, den: 1 } });
    const audio = {
      id: 'a',
      path: 'media/a.wav',
      originalName: 'a.wav',
      bytes: 1,
      origin: 'generated' as const,
      createdAt: base.assets[0]!.createdAt,
      info: mediaInfo({
        kind: 'audio',
        durationSec: 1.5,
        hasAudio: true,
        audioCodec: 'pcm_s16le',
        audioChannels: 1,
        audioSampleRate: 22050,
        width: 0,
        height: 0,
        displayWidth: 0,
        displayHeight: 0,
        fps: null,
        videoCodec: null,
        pixelFormat: null,
      }),
    };
    const doc = ProjectSnapshotSchema.parse({
      ...base,
      assets: [...base.assets, audio],
      audioItems: [
        newAudioItem({
          id: 'vo',
          lane: 'voiceover',
          assetId: 'a',
          startFrame: 100,
        }),
      ],
      dialogueLines: [
        {
          id: 'l1',
          shotId: 'shot-1',
          position: 0,
          speakerId: null,
          text: 'Voiced',
          language: 'en',
          offsetFrames: null,
          translation: '',
          voiceItemId: 'vo',
          voiceKey: 'k',
        },
        {
          id: 'l2',
          shotId: 'shot-1',
          position: 1,
          speakerId: null,
          text: 'Not voiced yet, estimated',
          language: 'en',
          offsetFrames: 90,
          translation: '',
          voiceItemId: null,
          voiceKey: null,
        },
      ],
    });
    const cues = subtitleCues(doc, 8);
    expect(cues[0]).toMatchObject({ lineId: 'l1', startSec: 100 / 24, endSec: (100 + 36) / 24, voiced: true });
    expect(cues[1]).toMatchObject({ lineId: 'l2', startSec: (96 + 90) / 24, endSec: 8, voiced: false });
  });
  it('a muted take sounds silent, a gained one gets a volume filter, and neither is stream-copied', () => {
    expect(audioChain(0, { samples: 48_000, info: mediaInfo({ hasAudio: true }), muted: true }, 'a0')).toContain(
      'anullsrc',
    );
    expect(audioChain(0, { samples: 48_000, info: mediaInfo({ hasAudio: true }), gainDb: -6 }, 'a0')).toContain(
      'volume=-6.00dB',
    );
    const doc = makeDoc([{ info: { hasAudio: true, audioCodec: 'aac', audioChannels: 2, audioSampleRate: 48_000 } }]);
    const muted = { ...doc, takes: doc.takes.map((t) => ({ ...t, audioMuted: true })) };
    const plan = buildExportPlan(muted, { outPath: '/o/x.mp4', tempPath: '/o/x.tmp', quality: 'draft' });
    expect(plan.clips[0]?.muted).toBe(true);
    const verdict = copyPrecheck(plan, (p) => `/abs/${p}`);
    expect(verdict).toMatchObject({ eligible: false, code: 'take-audio' });
    const burned = { ...plan, subtitles: { cues: [cue({})], style: SUBTITLE_STYLES['16:9'], fontFile: '/f.otf' } };
    expect(copyPrecheck(burned, (p) => `/abs/${p}`)).toMatchObject({ eligible: false, code: 'subtitles' });
    expect(buildExportGraph(burned)).toMatch(/concat=n=1:v=1:a=1\[vjoin\]\[aout\];\[vjoin\]drawtext=.*\[vout\]$/);
  });
});
