/**
 * Text-to-speech adapters. Like the video adapters (generation/types.ts) every one is
 * create-then-poll, so the same durable job rows carry them: submit() answers a task id that
 * the job stores at once, poll() says running / succeeded / failed, fetchResult() writes the
 * audio. A provider whose API answers the audio in the create's own response (OpenAI-style
 * /v1/audio/speech, ElevenLabs, the offline voice) writes it beside the job at once
 * (`ctx.outDir/<jobId>.<ext>`) and answers a `local:` task id: nothing is ever requested twice
 * for it, and a kill after the answer arrived finds the file on resume.
 */
import type { PollPolicy } from '../../../../shared/generation/backoff.js';
import type { PollResult } from '../../generation/types.js';
import type { JobContext } from '../../jobs/paidJob.js';

export interface SpeechRequest {
  text: string;
  /** The line's language (BCP 47-ish: zh, en-US). */
  language: string;
  voiceId: string;
  /** 0.5..2, 1 = the voice's own pace. */
  speed: number;
}

/** What a voice is given for one job (the context of every paid-job adapter). */
export type SpeechContext = JobContext;

export interface VoiceInfo {
  id: string;
  label: string;
  /** Languages it speaks well ('*' for many). */
  languages: string[];
}

export interface SpeechAdapter {
  readonly id: string;
  readonly label: string;
  /** What its audio files are (wav, mp3). */
  readonly fileExt: string;
  /** No network, no cost: a lost task is simply made again. */
  readonly offline: boolean;
  readonly pollPolicy: PollPolicy;
  /** The voice a line of this language gets when nobody chose one (null: none). */
  defaultVoice(language: string): string | null;
  /** Voices the provider offers (offline: all; cloud: its stock voices, others may exist). */
  voices(): Promise<VoiceInfo[]>;
  /**
   * Why this voice id cannot be used, as a sentence, or null. Offline voices are checked
   * against the installed list; cloud ids are checked by the provider when asked.
   */
  voiceProblem(voiceId: string): Promise<string | null>;
  /** USD for this request; null when unknown (a capped batch then refuses it). */
  estimateCost(req: SpeechRequest): number | null;
  submit(req: SpeechRequest, ctx: SpeechContext): Promise<{ taskId: string }>;
  poll(taskId: string, ctx: SpeechContext): Promise<PollResult>;
  /** Writes the audio to destPath (any container ffprobe reads: wav, mp3). */
  fetchResult(taskId: string, destPath: string, ctx: SpeechContext): Promise<void>;
}
