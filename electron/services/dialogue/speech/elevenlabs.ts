/**
 * ElevenLabs text to speech: POST {base}/v1/text-to-speech/{voice_id}?output_format=mp3_44100_128
 * with header xi-api-key and body {text, model_id, language_code?, voice_settings: {speed}};
 * the answer is the audio (elevenlabs.io/docs/api-reference/text-to-speech/convert).
 * eleven_multilingual_v2 speaks 29 languages including Chinese and English (the official
 * Python SDK's README). An unknown voice id answers 404 with detail.status "voice_not_found".
 * Priced per character by plan: about $0.10 per 1,000 characters on the API (an estimate).
 */
import { fetchLocal, pollLocal, writeLocalResult } from '../../jobs/localResult.js';
import { postForAudio } from './http.js';
import type { SpeechAdapter } from './types.js';

export const ELEVENLABS_URL = 'https://api.elevenlabs.io';
const USD_PER_CHAR = 0.1 / 1000;
/** Premade voices every account has (voice ids). */
const STOCK = [
  { id: '21m00Tcm4TlvDq8ikWAM', label: 'Rachel' },
  { id: 'JBFqnCBsd6RMkjVDRZzb', label: 'George' },
  { id: 'EXAVITQu4vr4xnSDxMaL', label: 'Sarah' },
  { id: 'CwhRBWXzGAHq8TQ4Fs17', label: 'Roger' },
];

export function createElevenLabsSpeech(): SpeechAdapter {
  const label = 'ElevenLabs';
  return {
    id: 'elevenlabs',
    label,
    fileExt: 'mp3',
    offline: false,
    pollPolicy: { initialMs: 50, maxMs: 200, factor: 2 },
    defaultVoice: () => 'JBFqnCBsd6RMkjVDRZzb',
    voices: async () => STOCK.map((v) => ({ ...v, languages: ['*'] })),
    voiceProblem: async (voiceId) =>
      /^[A-Za-z0-9]{10,40}$/.test(voiceId)
        ? null
        : `"${voiceId}" is not an ElevenLabs voice id (20 letters and digits, e.g. JBFqnCBsd6RMkjVDRZzb).`,
    estimateCost: (req) => [...req.text].length * USD_PER_CHAR,
    async submit(req, ctx) {
      const base = (ctx.settings.baseUrl?.trim() || ELEVENLABS_URL).replace(/\/+$/, '');
      const bytes = await postForAudio({
        url: `${base}/v1/text-to-speech/${encodeURIComponent(req.voiceId)}?output_format=mp3_44100_128`,
        label,
        voiceId: req.voiceId,
        headers: { 'xi-api-key': ctx.settings.apiKey ?? '' },
        body: {
          text: req.text,
          model_id: 'eleven_multilingual_v2',
          language_code: req.language.split('-')[0],
          // voice_settings.speed: 0.7..1.2 (values outside are refused).
          voice_settings: { speed: Math.max(0.7, Math.min(1.2, req.speed)) },
        },
        errorText: (j) => {
          const d = (j as { detail?: { status?: string; message?: string } | string }).detail;
          return typeof d === 'string' ? d : d ? `${d.status ?? ''}: ${d.message ?? ''}` : null;
        },
        unknownVoice: (status, text) =>
          (status === 404 || status === 400) && /voice_not_found|voice.*not found/i.test(text),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      return writeLocalResult(ctx, bytes, 'mp3');
    },
    poll: (taskId, ctx) => pollLocal(taskId, ctx, label),
    fetchResult: fetchLocal,
  };
}
