/**
 * MiniMax speech (strong Mandarin and English voices), asynchronous T2A: POST /v1/t2a_async_v2
 * {model, text, language_boost, voice_setting: {voice_id, speed, vol, pitch}, audio_setting}
 * answers {task_id, file_id, base_resp}; GET /v1/query/t2a_async_query_v2?task_id= answers
 * status Processing / Success / Failed / Expired; the audio is then GET /v1/files/retrieve?
 * file_id= -> file.download_url (valid 9 hours)
 * (platform.minimax.io/docs/api-reference/speech-t2a-async-create, -speech-t2a-async-query).
 * Errors come as HTTP 200 with base_resp.status_code (minimax/http.ts); 2054 is "voice id
 * does not exist" (platform.minimax.io/docs/api-reference/errorcode). Async on purpose: a
 * create is a task id stored at once, so a kill is resumed by polling, never by paying again.
 */
import { AppError, keyedError } from '../../../../shared/errors.js';
import { downloadToFile } from '../../generation/providers/download.js';
import {
  DEFAULT_MINIMAX_URL,
  minimaxJson,
  type BaseResp,
  type MinimaxCall,
} from '../../generation/providers/minimax/http.js';
import type { PollResult } from '../../generation/types.js';
import type { SpeechAdapter, SpeechContext } from './types.js';

/** speech-2.6-hd: $100 per 1M characters (MiniMax pay-as-you-go pricing page; an estimate). */
const USD_PER_CHAR = 100 / 1_000_000;
export const MINIMAX_SPEECH_MODEL = 'speech-2.6-hd';
const STOCK = [
  { id: 'male-qn-qingse', label: '青涩青年 (male, Mandarin)', languages: ['zh'] },
  { id: 'female-shaonv', label: '少女 (female, Mandarin)', languages: ['zh'] },
  { id: 'Chinese (Mandarin)_News_Anchor', label: 'News anchor (Mandarin)', languages: ['zh'] },
  { id: 'English_expressive_narrator', label: 'Expressive narrator (English)', languages: ['en'] },
  { id: 'English_Graceful_Lady', label: 'Graceful lady (English)', languages: ['en'] },
];

interface QueryResp extends BaseResp {
  status?: string;
  file_id?: number | string;
}
interface RetrieveResp extends BaseResp {
  file?: { download_url?: string };
}

export function createMinimaxSpeech(): SpeechAdapter {
  const call = (ctx: SpeechContext, what: string): MinimaxCall => ({
    base: ctx.settings.baseUrl?.trim() || DEFAULT_MINIMAX_URL,
    apiKey: ctx.settings.apiKey ?? '',
    what,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const query = (taskId: string, ctx: SpeechContext): Promise<QueryResp> =>
    minimaxJson<QueryResp>(
      `/v1/query/t2a_async_query_v2?task_id=${encodeURIComponent(taskId)}`,
      call(ctx, 'read the speech task'),
    );
  return {
    id: 'minimax-speech',
    label: 'MiniMax speech',
    fileExt: 'mp3',
    offline: false,
    pollPolicy: { initialMs: 1000, maxMs: 10_000, factor: 1.5 },
    defaultVoice: (language) => (language.startsWith('zh') ? 'female-shaonv' : 'English_expressive_narrator'),
    voices: async () => STOCK,
    voiceProblem: async (voiceId) => (voiceId.trim() ? null : 'Choose a MiniMax voice id.'),
    estimateCost: (req) => [...req.text].length * USD_PER_CHAR,
    async submit(req, ctx) {
      const body = {
        model: MINIMAX_SPEECH_MODEL,
        text: req.text,
        language_boost: req.language.startsWith('zh') ? 'Chinese' : req.language.startsWith('en') ? 'English' : 'auto',
        voice_setting: { voice_id: req.voiceId, speed: req.speed, vol: 1, pitch: 0 },
        audio_setting: { audio_sample_rate: 32000, bitrate: 128000, format: 'mp3', channel: 1 },
      };
      let res: BaseResp & { task_id?: number | string };
      try {
        res = await minimaxJson('/v1/t2a_async_v2', { ...call(ctx, 'create the speech task'), body });
      } catch (err) {
        // 2054 comes back as HTTP 200 + base_resp, which minimaxJson reports as an unlisted code:
        // MiniMax answered and made nothing, so it is a refusal, not a lost answer.
        const code =
          err instanceof AppError
            ? (err.details as { code?: number } | undefined)?.code
            : /\(HTTP 200, code (\d+)\)/.exec((err as Error).message)?.[1];
        if (Number(code) === 2054) {
          throw keyedError(
            'INVALID_INPUT',
            'svc.speech.unknownCloudVoice',
            { provider: 'MiniMax', voice: req.voiceId },
            `MiniMax does not know the voice "${req.voiceId}"; pick one of its voices for this character.`,
            { unknownVoice: true },
          );
        }
        throw err;
      }
      if (res.task_id === undefined) throw new Error('MiniMax accepted the speech request but returned no task id.');
      return { taskId: String(res.task_id) };
    },
    async poll(taskId, ctx): Promise<PollResult> {
      const q = await query(taskId, ctx);
      const s = (q.status ?? '').toLowerCase();
      if (s === 'success') return { state: 'succeeded', progress: 1 };
      if (s === 'failed')
        return {
          state: 'failed',
          error: `MiniMax could not voice this line: ${q.base_resp?.status_msg || 'no reason given'}.`,
        };
      if (s === 'expired')
        return {
          state: 'failed',
          error: 'MiniMax says this speech task expired before it was downloaded; voice the line again.',
        };
      return { state: 'running', progress: 0.5 };
    },
    async fetchResult(taskId, destPath, ctx) {
      const q = await query(taskId, ctx);
      const r = await minimaxJson<RetrieveResp>(
        `/v1/files/retrieve?file_id=${encodeURIComponent(String(q.file_id ?? ''))}`,
        call(ctx, 'look up the audio file'),
      );
      const url = r.file?.download_url;
      if (!url)
        throw new AppError('PROVIDER_FAILED', `MiniMax lists no audio for speech task ${taskId}.`, {
          expired: true,
          failureKind: 'expired',
        });
      await downloadToFile(url, destPath, {
        label: 'MiniMax speech',
        taskId,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
    },
  };
}
