/** The speech providers, by id: the offline voice first (the default), then the cloud ones. */
import { keyedError } from '../../../../shared/errors.js';
import { createElevenLabsSpeech } from './elevenlabs.js';
import { createEspeakSpeech } from './espeak.js';
import { createMinimaxSpeech } from './minimaxSpeech.js';
import { createOpenAiSpeech } from './openaiSpeech.js';
import type { SpeechAdapter } from './types.js';

export const OFFLINE_SPEECH = 'espeak';

const registry: SpeechAdapter[] = [
  createEspeakSpeech(),
  createMinimaxSpeech(),
  createElevenLabsSpeech(),
  createOpenAiSpeech(),
];

export function listSpeechProviders(): readonly SpeechAdapter[] {
  return registry;
}

export function getSpeechProvider(id: string): SpeechAdapter {
  const p = registry.find((x) => x.id === id);
  if (!p)
    throw keyedError(
      'INVALID_INPUT',
      'svc.speech.unknownProvider',
      { provider: id, known: registry.map((x) => x.id).join(', ') },
      `Unknown speech provider "${id}"; use one of: ${registry.map((x) => x.id).join(', ')}.`,
    );
  return p;
}
