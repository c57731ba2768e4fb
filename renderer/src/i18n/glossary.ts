/**
 * One glossary per language: the word each product term is translated to, the words it must
 * never be translated to instead, and what may stay in Latin letters in Chinese text (provider
 * and model names, file formats, key names, the CLI command). test/unit/renderer/i18n/
 * glossary.test.tsx checks every translation against it.
 */

export interface Term {
  /** The one translation of the term. */
  use: string;
  /** Other translations seen before; none may appear. */
  avoid: readonly string[];
}

export const GLOSSARY: Record<'en' | 'zh-CN', Record<string, Term>> = {
  en: {
    take: { use: 'take', avoid: ['clip version', 'variant take'] },
    animatic: { use: 'Animatic', avoid: ['Storyboard preview'] },
    seconds: { use: 's', avoid: ['秒', 'secs'] },
  },
  'zh-CN': {
    shot: { use: '镜头', avoid: ['分镜头'] },
    take: { use: '素材', avoid: ['镜次', '版本素材'] },
    animatic: { use: '动态分镜', avoid: ['Animatic', '动画预览'] },
    firstFrame: { use: '首帧', avoid: ['第一帧图片'] },
    seconds: { use: '秒', avoid: [] },
    provider: { use: '服务商', avoid: ['提供商', '供应商'] },
  },
};

/**
 * Latin words that may appear in Chinese text: product, provider and model names, formats,
 * units with no Chinese form in use (dB), key names, the CLI command and environment variables.
 */
export const ZH_LATIN_ALLOWED: readonly RegExp[] = [
  /^Storyboard$/,
  /^storyboard$/,
  /^serve$/,
  /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+_?$/,
  /^STORYBOARD_$/,
  /^API$/,
  /^GPU$/,
  /^MP4$/,
  /^MOV$/,
  // Provenance and key standards: C2PA manifests, PEM files, CA certificates, key types.
  /^C2PA$/,
  /^PEM$/,
  /^CA$/,
  /^EC$/,
  /^RSA$/,
  /^PSS$/,
  /^Ed25519$/,
  /^PNG$/,
  /^JPEG$/,
  /^WebP$/,
  /^H\.264$/,
  /^AAC$/,
  /^ffmpeg$/,
  /^ffprobe$/,
  /^dB$/,
  // Sizes read the same in Chinese file managers.
  /^[KMGT]B$/,
  /^fps$/,
  /^USD$/,
  /^US$/,
  /^Ctrl$/,
  /^Cmd$/,
  /^Shift$/,
  /^Alt$/,
  /^Space$/,
  /^Esc$/,
  /^Enter$/,
  /^Tab$/,
  /^[A-Z]$/,
  /^ComfyUI$/,
  /^Veo$/,
  /^Kling$/,
  /^Luma$/,
  /^Runway$/,
  /^Seedance$/,
  /^Vidu$/,
  /^Wan$/,
  /^MiniMax$/,
  /^Hailuo$/,
  /^Replicate$/,
  /^fal$/,
  /^ai$/,
  /^OpenAI$/,
  /^Sora$/,
  /^Gemini$/,
  // Chat endpoints of the AI breakdown and what they speak (names, not prose).
  /^Ollama$/,
  /^ollama$/,
  /^DeepSeek$/,
  /^DashScope$/,
  /^JSON$/,
  /^HTTP$/,
  /^AI$/,
  /^ByteDance$/,
  // Interchange formats and the editors that open them (names, not prose).
  /^FCPXML$/,
  /^OpenTimelineIO$/,
  /^OTIO$/,
  /^CMX3600$/,
  /^EDL$/,
  /^MLT$/,
  /^XML$/,
  /^PDF$/,
  /^CapCut$/,
  /^Final$/,
  /^Cut$/,
  /^Pro$/,
  /^Resolve$/,
  /^Premiere$/,
  /^Nuke$/,
  /^Studio$/,
  /^Shotcut$/,
  /^Kdenlive$/,
  // Deliverables: codecs, the loudness unit, platforms and resolutions (names, not prose).
  /^HEVC$/,
  /^ProRes$/,
  /^LUFS$/,
  /^TikTok$/,
  /^YouTube$/,
  /^Instagram$/,
  /^p$/,
  // Script formats (names, not prose).
  /^Fountain$/,
  /^Markdown$/,
  /^fountain$/,
  /^txt$/,
  /^md$/,
  /^MB$/,
  // Example names in placeholders ("例如：小明、Mara").
  /^Mara$/,
  /^mp4$/,
  /^mov$/,
  // Subtitle formats, key names and the brand or product words in provider and model names.
  /^SRT$/,
  /^VTT$/,
  /^WebVTT$/,
  /^Del$/,
  /^Home$/,
  /^End$/,
  /^fal\.ai$/,
  /^AI$/,
  /^Google$/,
  /^Alibaba$/,
  /^DashScope$/,
  /^Dream$/,
  /^Machine$/,
  /^Agents$/,
  /^Ray$/,
  /^Lite$/,
  // Text encodings a script file may be in (names, not prose).
  /^UTF$/,
  /^GB18030$/,
  /^GBK$/,
];

/**
 * Strings that show input syntax the app parses literally (the paste-a-shot-list format:
 * `prompt | 3s | push_in`): their Latin tokens and "s" are what the user types, not prose.
 */
export const LITERAL_SYNTAX_KEYS: readonly string[] = [
  'workspace.paste.placeholder',
  'workspace.paste.problem.badField',
];

/** The unit word for seconds in a language (numbers themselves go through Intl.NumberFormat). */
export function secondsUnit(language: string): string {
  return language.startsWith('zh') ? GLOSSARY['zh-CN'].seconds!.use : GLOSSARY.en.seconds!.use;
}
