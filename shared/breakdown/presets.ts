/**
 * OpenAI-compatible chat endpoints the breakdown and the prompt enhancer can use, and how each
 * is asked for structured output. Every one is POST <baseUrl>/chat/completions with a Bearer key
 * (a local Ollama ignores the key). Pure data.
 *
 * Sources (base URLs and structured-output support):
 * - Ollama: "http://localhost:11434/v1", api_key "required but ignored"; JSON mode and
 *   `response_format` supported (https://github.com/ollama/ollama/blob/main/docs/openai.md;
 *   https://raw.githubusercontent.com/ollama/ollama/main/docs/api/openai-compatibility.mdx).
 *   `json_schema` is honoured on /v1/chat/completions (ollama/ollama#10001, where both the
 *   OpenAI `response_format.json_schema` and the native `format` schema return results).
 * - DeepSeek: base_url "https://api.deepseek.com" (or .../v1, "NO relationship with the
 *   model's version"); JSON Output = `response_format: {type: 'json_object'}`, the prompt must
 *   contain the word "json" and an example of the shape, set max_tokens so the JSON is not cut
 *   (https://api-docs.deepseek.com/guides/json_mode, mirrored at
 *   https://share.apidog.com/apidoc/docs-site/747793/json-output-835848m0). No json_schema.
 * - Qwen (DashScope compatible mode): "https://dashscope.aliyuncs.com/compatible-mode/v1"
 *   (international: dashscope-intl.aliyuncs.com) (https://help.aliyun.com/zh/model-studio/
 *   compatibility-of-openai-with-dashscope; https://litellm.vercel.app/docs/providers/dashscope.md).
 *   `json_object` on every Qwen chat model; `json_schema` only on selected newer models
 *   (https://docs.instructorphp.com/cookbook/examples/B04_LLMApiSupport/llm_qwen), so json_object.
 * - OpenAI: "https://api.openai.com/v1"; Structured Outputs = `response_format: {type:
 *   'json_schema', json_schema: {name, strict: true, schema}}`; a refusal comes back in
 *   `choices[0].message.refusal` (https://platform.openai.com/docs/guides/structured-outputs#refusals).
 */
export const LLM_PRESET_IDS = ['ollama', 'deepseek', 'qwen', 'openai', 'custom'] as const;
export type LlmPresetId = (typeof LLM_PRESET_IDS)[number];

/** How the endpoint is asked for JSON: a schema it enforces, or JSON mode plus the shape in the prompt. */
export type StructuredMode = 'json_schema' | 'json_object';

export interface LlmPreset {
  id: LlmPresetId;
  label: string;
  baseUrl: string;
  defaultModel: string;
  structured: StructuredMode;
  /** A cloud endpoint refuses requests without a key; a local Ollama needs none. */
  needsKey: boolean;
  /** Sent as max_tokens where the provider asks for it (DeepSeek: so the JSON is not cut). */
  maxTokens: number | null;
}

export const LLM_PRESETS: Readonly<Record<LlmPresetId, LlmPreset>> = {
  ollama: {
    id: 'ollama',
    label: 'Ollama (local)',
    baseUrl: 'http://localhost:11434/v1',
    defaultModel: 'qwen2.5:7b',
    structured: 'json_schema',
    needsKey: false,
    maxTokens: null,
  },
  deepseek: {
    id: 'deepseek',
    label: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com',
    defaultModel: 'deepseek-chat',
    structured: 'json_object',
    needsKey: true,
    // deepseek-chat's output limit is 8K tokens (https://api-docs.deepseek.com/quick_start/pricing).
    maxTokens: 8192,
  },
  qwen: {
    id: 'qwen',
    label: 'Qwen (DashScope)',
    baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    defaultModel: 'qwen-plus',
    structured: 'json_object',
    needsKey: true,
    maxTokens: 8192,
  },
  openai: {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    defaultModel: 'gpt-4o-mini',
    structured: 'json_schema',
    needsKey: true,
    maxTokens: null,
  },
  custom: {
    id: 'custom',
    label: 'Other (OpenAI-compatible)',
    baseUrl: 'http://localhost:8080/v1',
    defaultModel: '',
    // The least any OpenAI-compatible server is likely to take; the shape is in the prompt too.
    structured: 'json_object',
    needsKey: false,
    maxTokens: null,
  },
};

export const DEFAULT_LLM_PRESET: LlmPresetId = 'ollama';
/** A long screenplay on a local model can take minutes. */
export const DEFAULT_LLM_TIMEOUT_SEC = 180;

/** `<base>/chat/completions`, whatever slashes the user typed. */
export function chatCompletionsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/u, '')}/chat/completions`;
}
