/**
 * OpenAI-compatible text to speech: POST {base}/v1/audio/speech with {model, input, voice,
 * response_format, speed}; the answer is the audio file itself
 * (https://developers.openai.com/api/reference/resources/audio/subresources/speech/methods/create:
 * input up to 4096 characters, speed 0.25..4, formats mp3 opus aac flac wav pcm). Local
 * servers and gateways (OpenVINO Model Server, LocalAI, LiteLLM, ...) serve the same shape,
 * so the base URL is a setting; the key is optional for local servers.
 */
import { fetchLocal, pollLocal, writeLocalResult } from '../../jobs/localResult.js';
import { postForAudio } from './http.js';
import type { SpeechAdapter } from './types.js';

/** OpenAI's built-in voices (the page above); gateways may offer others. */
const OPENAI_VOICES = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'onyx',
  'nova',
  'sage',
  'shimmer',
  'verse',
  'marin',
  'cedar',
];
export const OPENAI_SPEECH_URL = 'https://api.openai.com';
/** gpt-4o-mini-tts is priced per token; tts-1 at $15 per 1M characters (openai.com/api/pricing). */
const USD_PER_CHAR = 15 / 1_000_000;

export function createOpenAiSpeech(): SpeechAdapter {
  const label = 'OpenAI-compatible speech';
  return {
    id: 'openai-speech',
    label,
    fileExt: 'wav',
    offline: false,
    pollPolicy: { initialMs: 50, maxMs: 200, factor: 2 },
    defaultVoice: () => 'alloy',
    voices: async () => OPENAI_VOICES.map((id) => ({ id, label: id, languages: ['*'] })),
    voiceProblem: async (voiceId) =>
      voiceId.trim() ? null : 'Choose a voice for the OpenAI-compatible speech server.',
    estimateCost: (req) => [...req.text].length * USD_PER_CHAR,
    async submit(req, ctx) {
      const base = (ctx.settings.baseUrl?.trim() || OPENAI_SPEECH_URL).replace(/\/+$/, '').replace(/\/v1$/, '');
      const bytes = await postForAudio({
        url: `${base}/v1/audio/speech`,
        label,
        voiceId: req.voiceId,
        headers: ctx.settings.apiKey ? { authorization: `Bearer ${ctx.settings.apiKey}` } : {},
        body: { model: 'tts-1', input: req.text, voice: req.voiceId, response_format: 'wav', speed: req.speed },
        errorText: (j) => (j as { error?: { message?: string } }).error?.message ?? null,
        unknownVoice: (status, text) => status === 400 && /voice/i.test(text),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      return writeLocalResult(ctx, bytes, 'wav');
    },
    poll: (taskId, ctx) => pollLocal(taskId, ctx, label),
    fetchResult: fetchLocal,
  };
}
