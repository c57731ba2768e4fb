/**
 * The offline voice: eSpeak NG compiled to WebAssembly (npm `espeak-ng` 1.0.2), which ships
 * its program and every voice's data inside one .wasm in the registry package — nothing is
 * downloaded at run time and it runs wherever Node runs (macOS, Windows, Linux, x64 and arm).
 * Why this package: it is the eSpeak NG command line as a module (arguments in, a WAV file in
 * its in-memory file system out), 18 MB, with Mandarin (cmn), Cantonese (yue), English
 * (en-us, en-gb, ...) and ~130 other voices plus variants (+f1..f5, +m1..m7, named ones);
 * the alternative @echogarden/espeak-ng-emscripten (24 MB data file + loader) is made for one
 * app's own API. Both are GPL-3.0 like eSpeak NG itself. It sounds robotic; it is for timing
 * an animatic, not for a finished film (cloud voices are for that).
 */
import { AppError } from '../../../../shared/errors.js';
import { fetchLocal, pollLocal, writeLocalResult } from '../../jobs/localResult.js';
import type { SpeechAdapter, SpeechRequest, VoiceInfo } from './types.js';

interface EspeakModule {
  FS: { readFile(path: string): Uint8Array };
}
type EspeakFactory = (opts: {
  arguments: string[];
  print: (s: string) => void;
  printErr: (s: string) => void;
}) => Promise<EspeakModule>;

const PACKAGE = 'espeak-ng';
let factory: Promise<EspeakFactory> | null = null;
let voiceList: Promise<VoiceInfo[]> | null = null;

async function load(): Promise<EspeakFactory> {
  factory ??= (import(PACKAGE) as Promise<{ default: EspeakFactory }>).then((m) => m.default);
  return factory;
}

/**
 * Runs eSpeak NG once with `args`; answers what it printed and the module (its files). The
 * module sets process.exitCode on an error exit: that is put back, the error is ours to report.
 */
async function run(args: string[]): Promise<{ out: string; err: string; mod: EspeakModule }> {
  const make = await load();
  let out = '';
  let err = '';
  const exitCode = process.exitCode;
  try {
    const mod = await make({
      arguments: args,
      print: (s) => {
        out += `${s}\n`;
      },
      printErr: (s) => {
        err += `${s}\n`;
      },
    });
    return { out, err, mod };
  } finally {
    process.exitCode = exitCode;
  }
}

/** "5  cmn  --/M  Chinese_(Mandarin...)  sit/cmn  (zh-cmn 5)(zh 5)" -> id cmn, languages. */
export function parseVoiceList(text: string): VoiceInfo[] {
  const out: VoiceInfo[] = [];
  for (const line of text.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    const [, id, , name] = cols;
    if (!id || !name || id === 'variant') continue;
    const others = [...line.matchAll(/\(([a-z-]+) \d+\)/g)].map((m) => m[1] ?? '');
    out.push({ id, label: name.replace(/_/g, ' '), languages: [id, ...others] });
  }
  return out;
}

export function espeakVoices(): Promise<VoiceInfo[]> {
  voiceList ??= run(['--voices']).then((r) => parseVoiceList(r.out));
  return voiceList;
}

/** eSpeak's default rate is 175 words a minute; speed scales it (its range is 80..450). */
export function espeakRate(speed: number): number {
  return Math.max(80, Math.min(450, Math.round(175 * speed)));
}

const DEFAULTS: Record<string, string> = {
  zh: 'cmn',
  cmn: 'cmn',
  yue: 'yue',
  en: 'en-us',
  ja: 'ja',
  ko: 'ko',
  fr: 'fr-fr',
  de: 'de',
  es: 'es',
};

export function createEspeakSpeech(): SpeechAdapter {
  const label = 'eSpeak NG (offline)';
  return {
    id: 'espeak',
    label,
    fileExt: 'wav',
    offline: true,
    pollPolicy: { initialMs: 50, maxMs: 200, factor: 2 },
    defaultVoice(language) {
      return DEFAULTS[language.toLowerCase()] ?? DEFAULTS[language.split('-')[0]?.toLowerCase() ?? ''] ?? 'en-us';
    },
    voices: espeakVoices,
    async voiceProblem(voiceId) {
      const [base, variant] = voiceId.split('+');
      const known = await espeakVoices();
      if (!known.some((v) => v.id === base)) {
        return `The offline voice "${voiceId}" does not exist; use one of eSpeak NG's voice ids such as cmn (Mandarin), yue (Cantonese), en-us, en-gb, optionally with a variant like +f3.`;
      }
      if (variant !== undefined && !/^[A-Za-z][\w-]{0,30}$/.test(variant))
        return `"+${variant}" is not an eSpeak NG voice variant (e.g. +f3, +m2, +Annie).`;
      return null;
    },
    estimateCost: () => 0,
    async submit(req: SpeechRequest, ctx) {
      const problem = await this.voiceProblem(req.voiceId);
      if (problem) throw new AppError('INVALID_INPUT', problem, { voiceId: req.voiceId });
      const r = await run(['-v', req.voiceId, '-s', String(espeakRate(req.speed)), '-w', '/out.wav', '--', req.text]);
      let wav: Uint8Array;
      try {
        wav = r.mod.FS.readFile('/out.wav');
      } catch {
        throw new AppError('PROVIDER_FAILED', `eSpeak NG made no audio: ${r.err.trim() || 'no reason given'}`);
      }
      return writeLocalResult(ctx, wav, 'wav');
    },
    poll: (taskId, ctx) => pollLocal(taskId, ctx, label),
    fetchResult: fetchLocal,
  };
}
