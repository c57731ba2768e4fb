/**
 * Loads ComfyUI workflow templates: the ones shipped in resources/comfyui/ and the user's own
 * (any folder with `<name>.mapping.json` files beside their API-format workflows; format in
 * resources/comfyui/README.md). Reading is here; parsing and checking are pure
 * (shared/generation/comfyWorkflow.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../../../shared/errors.js';
import type { ComfyTemplate } from '../../../../../shared/generation/comfyWorkflow.js';
import { parseComfyTemplate } from '../../../../../shared/generation/comfyWorkflow.js';

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError(
      'NOT_FOUND',
      `Cannot read the ComfyUI workflow file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      { path },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError(
      'INVALID_INPUT',
      `The ComfyUI workflow file ${path} is not valid JSON: ${(err as Error).message}`,
      { path },
    );
  }
}

/** One template from its mapping file (the workflow is read from beside it). */
export function loadComfyTemplate(mappingPath: string): ComfyTemplate {
  const mapping = readJson(mappingPath);
  const workflowName = (mapping as { workflow?: unknown } | null)?.workflow;
  if (typeof workflowName !== 'string' || !workflowName || /[\\/]/.test(workflowName)) {
    throw new AppError('INVALID_INPUT', `${mappingPath}: "workflow" must name a JSON file in the same folder.`, {
      path: mappingPath,
    });
  }
  return parseComfyTemplate(mapping, readJson(join(dirname(mappingPath), workflowName)), mappingPath);
}

/** Every `*.mapping.json` of a folder, sorted by name; a missing folder has none. */
export function loadComfyTemplates(dir: string): ComfyTemplate[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.mapping.json'))
    .sort()
    .map((n) => loadComfyTemplate(join(dir, n)));
}

/**
 * Like loadComfyTemplates, but a broken file is reported in `problems` instead of hiding every
 * other template (a user's half-edited workflow must not take the provider down).
 */
export function loadComfyTemplatesLenient(dir: string): { templates: ComfyTemplate[]; problems: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    return {
      templates: [],
      problems: [
        `Cannot read the ComfyUI workflows folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      ],
    };
  }
  const templates: ComfyTemplate[] = [];
  const problems: string[] = [];
  for (const n of names.filter((x) => x.endsWith('.mapping.json')).sort()) {
    try {
      templates.push(loadComfyTemplate(join(dir, n)));
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  return { templates, problems };
}

/** resources/comfyui: STORYBOARD_RESOURCES_DIR, else found walking up from this module. */
export function defaultTemplatesDir(env: Record<string, string | undefined> = process.env): string | null {
  if (env.STORYBOARD_RESOURCES_DIR) return join(env.STORYBOARD_RESOURCES_DIR, 'comfyui');
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources', 'comfyui');
    if (statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) return candidate;
    dir = dirname(dir);
  }
  return null;
}

/**
 * The shipped templates plus the user's own folder (default: STORYBOARD_COMFYUI_WORKFLOWS_DIR);
 * a user template with a shipped template's id replaces it. Both the video provider and the
 * image adapter read them (each keeps its own kinds).
 */
export function loadShippedAndUserTemplates(userWorkflowsDir?: string | null): {
  templates: ComfyTemplate[];
  problems: string[];
} {
  const userDir =
    userWorkflowsDir !== undefined ? userWorkflowsDir : process.env.STORYBOARD_COMFYUI_WORKFLOWS_DIR || null;
  const byId = new Map<string, ComfyTemplate>();
  const problems: string[] = [];
  for (const dir of [defaultTemplatesDir(), userDir]) {
    if (!dir) continue;
    const loaded = loadComfyTemplatesLenient(dir);
    problems.push(...loaded.problems);
    for (const t of loaded.templates) byId.set(t.mapping.id, t);
  }
  return { templates: [...byId.values()], problems };
}

/** One entry per model the templates name, in first-seen order (a later template's entry wins). */
export function templateModels<T>(templates: readonly ComfyTemplate[], entry: (t: ComfyTemplate) => T): T[] {
  return [...new Map(templates.map((t) => [t.mapping.model, entry(t)])).values()];
}
