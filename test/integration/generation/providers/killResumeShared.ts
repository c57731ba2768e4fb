/**
 * Catalogue models that share a kill-and-resume row with another model of the same provider,
 * because the two go through the same submit / poll / resume protocol (same create call shape,
 * same task id stored before the first poll, same task read, same reconcile); only the model id
 * and the body's fields differ, and those are covered by each adapter's request table against
 * its strict fake. killResumeCoverage.test.ts fails for a model with neither a row nor an entry
 * here, and for an entry whose `sharesWith` has no row of its own. A model with a create call or
 * a reconcile of its own (another endpoint family, a clip to upload) gets its own row instead.
 */
export interface SharedRow {
  provider: string;
  model: string;
  /** The model whose row covers this one (it must have a row in the table). */
  sharesWith: string;
  why: string;
}

function shares(provider: string, models: string[], sharesWith: string, why: string): SharedRow[] {
  return models.map((model) => ({ provider, model, sharesWith, why }));
}

export const SHARED: readonly SharedRow[] = [
  ...shares(
    'fal',
    ['fal-ai/veo3.1', 'fal-ai/kling-video/v2.5-turbo/pro', 'fal-ai/kling-video/v2.1/pro'],
    'fal-ai/veo3.1/fast',
    'every fal endpoint is one queue protocol: POST queue.fal.run/<endpoint> -> request_id stored as <endpoint>|<id>, status and result by that id (fal.ts); no listing, so the kill point is the same',
  ),
  ...shares(
    'kling',
    [
      'kling-v2-6',
      'kling-v2-5-turbo',
      'kling-v2-1-master',
      'kling-v2-1',
      'kling-v2-master',
      'kling-v1-6',
      'kling-v1-5',
      'kling-v1',
    ],
    'kling-v3',
    'POST /v1/videos/text2video (image2video with a frame) with external_task_id = the job id, read again at /v1/videos/<family>/<id> or by external_task_id: the same create and reconcile as kling-v3',
  ),
  ...shares(
    'kling',
    ['kling-v3-omni'],
    'kling-video-o1',
    'both Omni models POST /v1/videos/omni-video with external_task_id and are looked up there (kling/omni.ts); only model_name and the duration rule differ',
  ),
  ...shares(
    'minimax',
    ['MiniMax-Hailuo-02', 'S2V-01', 'T2V-01-Director', 'T2V-01', 'I2V-01-Director', 'I2V-01-live', 'I2V-01'],
    'MiniMax-Hailuo-2.3',
    'every model POSTs /v1/video_generation and is read at /v1/query/video_generation?task_id=; MiniMax keeps no client id and lists no tasks for any model, so the same looser invariant holds',
  ),
  ...shares(
    'runway',
    ['gen4_turbo', 'veo3.1', 'veo3.1_fast', 'seedance2'],
    'gen4.5',
    'POST /v1/text_to_video or /v1/image_to_video -> task id stored, read at GET /v1/tasks/<id> (runway.ts); Runway lists no tasks for any model',
  ),
  ...shares(
    'luma',
    ['ray-flash-2'],
    'ray-2',
    'POST /generations/video and GET /generations listed by model + exact prompt for both Ray 2 models (luma/reconcile.ts)',
  ),
  ...shares(
    'replicate',
    ['google/veo-3.1', 'bytedance/seedance-2.0', 'bytedance/seedance-2.0-fast'],
    'google/veo-3.1-fast',
    'POST /v1/models/<owner>/<name>/predictions, GET /v1/predictions/<id>, lost answers found in GET /v1/predictions by model + exact plain input: one protocol for every official model (replicate.ts)',
  ),
  ...shares(
    'seedance',
    ['seedance-2-0-fast', 'seedance-1-0-pro', 'seedance-1-0-lite-t2v', 'seedance-1-0-lite-i2v'],
    'seedance-2-0',
    'every Ark model POSTs /contents/generations/tasks with the job-id seed and is found in the task list by it (seedance/reconcile.ts)',
  ),
  ...shares(
    'veo',
    ['veo-3.1-fast-generate-preview', 'veo-3.1-lite-generate-preview'],
    'veo-3.1-generate-preview',
    'models/<model>:predictLongRunning -> operation name stored, read at GET <operation>: the same for every Veo model; no client id or list for any',
  ),
  ...shares(
    'openai-videos',
    ['sora-2-pro'],
    'sora-2',
    'POST /v1/videos -> id stored, GET /v1/videos/<id>: the same endpoints for both models',
  ),
  ...shares(
    'vidu',
    ['viduq3-turbo', 'viduq2', 'viduq1'],
    'viduq3-pro',
    'text2video / img2video / reference2video -> task_id, read at GET /ent/v2/tasks/<id>/creations for every model; Vidu lists no tasks',
  ),
  ...shares(
    'wan',
    [
      'wan2.6-t2v',
      'wan2.2-t2v-plus',
      'wanx2.1-t2v-turbo',
      'wan2.7-i2v',
      'wan2.6-i2v',
      'wan2.6-i2v-flash',
      'wan2.2-i2v-plus',
      'wan2.2-i2v-flash',
      'wan2.2-kf2v-flash',
      'wan2.7-r2v',
      'wan2.6-r2v',
      'wan2.6-r2v-flash',
    ],
    'auto',
    "every DashScope model is an async task (X-DashScope-Async) read at GET /api/v1/tasks/<id> and found by listing on model + orig_prompt; 'auto' picks one of these per shot (wan/models.ts)",
  ),
];
