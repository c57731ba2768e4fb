/**
 * Every price the app knows, in ONE table (design.md §5: "prices in one table with source and
 * date, editable"). Cloud prices are estimates copied from docs/providers.md (the providers'
 * pages or, where marked, secondary sources); settings can override any entry (prices.ts). Pure data.
 */
export interface PriceEntry {
  provider: string;
  /** A model id, or '*' for every model of the provider without its own entry. */
  model: string;
  /** Cost per second of generated video, in `currency`. */
  perSecond: number;
  /** A fixed cost per request, on top of perSecond. */
  perRequest: number;
  currency: string;
  source: string;
  /** When the price was read (YYYY-MM-DD). */
  asOf: string;
  /** True when not a first-party, current, exact price. */
  estimate: boolean;
}

/** The project's money unit: every estimate, budget cap and ledger total is in it. */
export const CURRENCY = 'USD';

const SORA = 'https://developers.openai.com/de-DE/api/docs/models/sora-2';
const VEO = 'https://ai.google.dev/gemini-api/docs/pricing (via reapi.ai, secondary)';
const RUNWAY = 'https://docs.dev.runwayml.com/ (credits/s, $0.01 per credit via toolcolumn.com, secondary)';

function p(
  provider: string,
  model: string,
  perSecond: number,
  source: string,
  asOf: string,
  estimate = true,
): PriceEntry {
  return { provider, model, perSecond, perRequest: 0, currency: CURRENCY, source, asOf, estimate };
}

export const PRICES: readonly PriceEntry[] = [
  p('animatic', '*', 0, 'built in, offline', '2026-11-21', false),
  p('comfyui', '*', 0, 'local GPU, no provider charge', '2026-11-21', false),
  p('sora', 'sora-2', 0.1, SORA, '2026-04-01'),
  p('sora', 'sora-2-pro', 0.3, SORA, '2026-04-01'),
  p('sora', '*', 0.1, SORA, '2026-04-01'),
  // Gateways serving OpenAI's /v1/videos shape set their own prices; OpenAI's former ones as the estimate.
  p('openai-videos', 'sora-2-pro', 0.3, `${SORA} (OpenAI's price before the shutdown; gateways differ)`, '2026-11-21'),
  p('openai-videos', '*', 0.1, `${SORA} (OpenAI's price before the shutdown; gateways differ)`, '2026-11-21'),
  p('veo', 'veo-3.1-generate-preview', 0.4, VEO, '2026-04-01'),
  p('veo', 'veo-3.1-fast-generate-preview', 0.12, VEO, '2026-04-01'),
  // Lite: $0.05/s 720p, $0.08/s 1080p (the higher one, so an estimate never undershoots).
  p('veo', 'veo-3.1-lite-generate-preview', 0.08, VEO, '2026-11-21'),
  p('veo', '*', 0.4, VEO, '2026-04-01'),
  p('runway', 'gen4.5', 0.12, RUNWAY, '2026-04-01'),
  p('runway', 'gen4_turbo', 0.05, RUNWAY, '2026-04-01'),
  p('runway', 'veo3.1', 0.4, RUNWAY, '2026-04-01'),
  p('runway', 'veo3.1_fast', 0.15, RUNWAY, '2026-04-01'),
  p('runway', 'seedance2', 0.36, RUNWAY, '2026-04-01'),
  // Aleph 2 per output second (= the source clip's length): gen4_aleph's 15 credits/s stands in,
  // aleph2's own rate not found (runway/aleph.ts [P]; secondary).
  p(
    'runway',
    'aleph2',
    0.15,
    'https://skillspool.org/ja/skills/udbfd68-cell-aurion-app-agents-skills-api-reference-skill-md (gen4_aleph 15 credits/s, copy of Runway api-reference skill, secondary)',
    '2026-12-06',
  ),
  p('runway', '*', 0.12, RUNWAY, '2026-04-01'),
  // Kling: no first-party API price found. The models with sound are sent in pro mode with sound
  // on (kling/models.ts), priced so: 3.0 $0.14/s with audio (muapi.ai, "matches Kling's official
  // rate", secondary); 2.6 $0.07/s, x2 with sound (reseller, secondary); std models $0.07/s.
  p(
    'kling',
    'kling-v3',
    0.14,
    'https://muapi.ai/id/playground/kling-v3.0-omni-pro-text-to-video (reseller quoting Kling, secondary)',
    '2026-12-06',
  ),
  // Kling Omni, sent in std mode (kling/omni.ts): O1 at fal's O1 Standard rate, 3.0 Omni with
  // sound at fal's O3 Standard audio-on rate (no first-party Kling API price found; secondary).
  p(
    'kling',
    'kling-video-o1',
    0.084,
    'https://fal.ai/models/fal-ai/kling-video/o1/standard/image-to-video/llms.txt (fal rate for Kling O1 Standard, secondary)',
    '2026-12-06',
  ),
  p(
    'kling',
    'kling-v3-omni',
    0.112,
    'https://fal.ai/models/fal-ai/kling-video/o3/standard/image-to-video (fal rate for Kling O3 Standard with audio, secondary)',
    '2026-12-06',
  ),
  p(
    'kling',
    'kling-v2-6',
    0.14,
    'https://developer.muvi.video/docs/models/video/kling/kling-2-6-pro-text-to-video (reseller, secondary)',
    '2026-11-21',
  ),
  p(
    'kling',
    '*',
    0.07,
    'https://developer.muvi.video/docs/models/video/kling/kling-2-6-pro-text-to-video (reseller, secondary)',
    '2026-11-21',
  ),
  // MiniMax: no first-party price found; Hailuo 2.3 at 768P via a reseller ($0.072/s at 1080P).
  p(
    'minimax',
    '*',
    0.0488,
    'https://github.com/apimartnbskpkr/hailuo-2.3-api-sdk-python/wiki (reseller, observed 2026-10-12, secondary)',
    '2026-11-21',
  ),
  // ¥0.60/s at 720p (Beijing prices) at ~7.1 CNY/USD; crazyrouter docs, secondary.
  p('wan', '*', 0.085, 'https://docs.crazyrouter.com/jp/video/wan (secondary; CNY converted)', '2026-04-01'),
  // wan2.2-i2v-flash ¥0.20/s at 720P (Beijing prices) at ~7.1 CNY/USD; same secondary source.
  p(
    'wan',
    'wan2.2-i2v-flash',
    0.028,
    'https://docs.crazyrouter.com/jp/video/wan (secondary; CNY converted)',
    '2026-04-01',
  ),
  // Vidu: no first-party price found. Q3 Pro $0.75 and Q3 Turbo $0.30 per request of the default
  // 5 s (https://muapi.ai/vidu, reseller, secondary), as per-second estimates; Q2 / Q1 have no
  // entry and stay unpriced (never free).
  p('vidu', 'viduq3-pro', 0.15, 'https://muapi.ai/vidu ($0.75 per 5 s request; reseller, secondary)', '2026-12-06'),
  p('vidu', 'viduq3-turbo', 0.06, 'https://muapi.ai/vidu ($0.30 per 5 s request; reseller, secondary)', '2026-12-06'),
  // ~$0.93 per 5 s at 1080p (Seedance 2.0); apidog, secondary.
  p('seedance', '*', 0.186, 'apidog (secondary), per docs/providers.md', '2026-04-01'),
  // fal.ai model pages (first-party, but prices change: kept as estimates): Veo 3.1 $0.40/s and Veo 3.1 Fast $0.15/s with audio at 720p/1080p;
  // Kling 2.5 Turbo Pro $0.35 per 5 s (+$0.07/s); Kling 2.1 Pro $0.49 per 5 s (+$0.098/s).
  p('fal', 'fal-ai/veo3.1', 0.4, 'https://fal.ai/models/fal-ai/veo3.1/llms.txt', '2026-11-21'),
  p(
    'fal',
    'fal-ai/veo3.1/fast',
    0.15,
    'https://fal.ai/models/fal-ai/veo3.1/fast/first-last-frame-to-video/llms.txt',
    '2026-11-21',
  ),
  p(
    'fal',
    'fal-ai/kling-video/v2.5-turbo/pro',
    0.07,
    'https://fal.ai/models/fal-ai/kling-video/v2.5-turbo/pro/image-to-video/llms.txt',
    '2026-11-21',
  ),
  p(
    'fal',
    'fal-ai/kling-video/v2.1/pro',
    0.098,
    'https://fal.ai/models/fal-ai/kling-video/v2.1/pro/image-to-video/llms.txt',
    '2026-11-21',
  ),
  // Kling Omni on fal (fal/klingOmni.ts): O1 Standard $0.084/s; O3 Standard $0.112/s with audio on
  // (sent on); O3 Pro Edit $0.336 per output second, the output as long as the clip restyled.
  p(
    'fal',
    'fal-ai/kling-video/o1/standard',
    0.084,
    'https://fal.ai/models/fal-ai/kling-video/o1/standard/image-to-video/llms.txt',
    '2026-12-06',
  ),
  p(
    'fal',
    'fal-ai/kling-video/o3/standard',
    0.112,
    'https://fal.ai/models/fal-ai/kling-video/o3/standard/image-to-video/playground (audio on)',
    '2026-12-06',
  ),
  p(
    'fal',
    'fal-ai/kling-video/o3/pro/video-to-video/edit',
    0.336,
    'https://fal.ai/models/fal-ai/kling-video/o3/pro/video-to-video/edit/llms.txt (per output second = the source clip)',
    '2026-12-06',
  ),
  // The O3 4K tier: $0.42/s audio on or off (first-party). No fal page states the O3 Pro generate
  // or the O1 Edit price: both at O3 Pro Edit's $0.336/s, an upper estimate (fal/klingOmniModels.ts).
  // Searched again 2026-12-07 (pages "fal-ai/kling-video/o3/pro/image-to-video pricing", "Kling O1
  // Edit fal pricing"): fal's API reference pages for o3/pro/text-to-video and
  // o1/video-to-video/edit carry no price, and no llms.txt with one was found.
  p(
    'fal',
    'fal-ai/kling-video/o3/4k',
    0.42,
    'https://fal.ai/models/fal-ai/kling-video/o3/4k/image-to-video/playground (audio on or off)',
    '2026-12-07',
  ),
  p(
    'fal',
    'fal-ai/kling-video/o3/pro',
    0.336,
    "https://fal.ai/models/fal-ai/kling-video/o3/pro/video-to-video/edit/llms.txt (O3 Pro Edit's rate as an upper estimate; no first-party O3 Pro generate price found)",
    '2026-12-07',
  ),
  p(
    'fal',
    'fal-ai/kling-video/o1/video-to-video/edit',
    0.336,
    "https://fal.ai/models/fal-ai/kling-video/o3/pro/video-to-video/edit/llms.txt (O3 Pro Edit's rate as an upper estimate; no first-party O1 Edit price found; per output second = the source clip)",
    '2026-12-07',
  ),
  p('fal', '*', 0.4, 'highest fal.ai catalogue price (Veo 3.1), a safe upper estimate', '2026-11-21'),
  // Replicate's own per-second prices for these models were not found (searched 2026-12-07: pages
  // "replicate.com google/veo-3.1 pricing per second", "replicate bytedance/seedance-2.0 price per
  // second"; replicate.com's model pages are not in the corpus). The same models' first-party fal
  // prices stand in (secondary for Replicate): fal's Veo 3.1 / Fast with audio at 720p-1080p and
  // fal's Seedance 2.0 / Fast 720p with audio (Replicate's Seedance 2.0 runs at 720p here).
  p(
    'replicate',
    'google/veo-3.1',
    0.4,
    "https://fal.ai/models/fal-ai/veo3.1/llms.txt ($0.40/s with audio: fal's price for the same Google model as the stand-in; Replicate price not found, secondary)",
    '2026-12-07',
  ),
  p(
    'replicate',
    'google/veo-3.1-fast',
    0.15,
    "https://fal.ai/models/fal-ai/veo3.1/fast/first-last-frame-to-video/llms.txt ($0.15/s with audio: fal's price for the same Google model as the stand-in; Replicate price not found, secondary)",
    '2026-12-07',
  ),
  p(
    'replicate',
    'bytedance/seedance-2.0',
    0.3034,
    "https://fal.ai/models/bytedance/seedance-2.0/text-to-video/playground ($0.3034/s at 720p with audio: fal's price for the same ByteDance model as the stand-in; Replicate price not found, secondary)",
    '2026-12-07',
  ),
  p(
    'replicate',
    'bytedance/seedance-2.0-fast',
    0.2419,
    "https://fal.ai/models/bytedance/seedance-2.0/fast/text-to-video/llms.txt ($0.2419/s at 720p with audio: fal's price for the same ByteDance model as the stand-in; Replicate price not found, secondary)",
    '2026-12-07',
  ),
  p(
    'replicate',
    'kwaivgi/kling-v3-omni-video',
    0.112,
    "https://fal.ai/models/fal-ai/kling-video/o3/standard/image-to-video/playground (fal's O3 Standard with audio as the stand-in; Replicate price not found, secondary)",
    '2026-12-06',
  ),
  // Gen-4 Aleph: $0.90 per 5 s run (it reads the clip's first 5 s), per output second.
  p(
    'replicate',
    'runwayml/gen4-aleph',
    0.18,
    'https://www.vibedream.ai/models/generate?model=gen4-aleph ($0.18/s; reseller, secondary)',
    '2026-12-06',
  ),
  p('replicate', '*', 0.4, 'highest Replicate catalogue estimate, a safe upper bound', '2026-11-21'),
];
