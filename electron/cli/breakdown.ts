/**
 * storyboard breakdown <dir> --script <file> [--llm <url>] [--model <id>] [--dry-run] [--json]
 * Sends the script to an OpenAI-compatible chat endpoint (the saved AI settings, else a local
 * Ollama; --llm/--model for this run only; STORYBOARD_LLM_API_KEY for a key) and applies its
 * shot list — shot size, camera move, duration, prompt, characters, dialogue per shot — as ONE
 * undo step. Any failure (unreachable, timeout, HTTP error, refusal, not JSON, a field outside
 * the schema) exits 1 and changes nothing. --dry-run only prints what it would add.
 */
import { basename, resolve } from 'node:path';
import { proposalCounts } from '../../shared/script/proposal.js';
import { call, withProject } from './client.js';
import { CliError } from './commands.js';
import { readScript } from './scriptImport.js';

export async function cmdBreakdown(dir: string, v: Record<string, unknown>): Promise<number> {
  if (typeof v.script !== 'string' || !v.script) throw new CliError('breakdown: --script <file> is required');
  const file = resolve(v.script);
  const text = readScript(file, 'breakdown');
  return withProject(dir, async (services) => {
    const proposal = await call(services, 'breakdown.propose', {
      text,
      fileName: basename(file),
      ...(typeof v.llm === 'string' && v.llm ? { baseUrl: v.llm } : {}),
      ...(typeof v.model === 'string' && v.model ? { model: v.model } : {}),
    });
    const counts = proposalCounts(proposal);
    if (!v['dry-run']) await call(services, 'script.apply', { proposal });
    if (v.json) {
      const shotList = proposal.scenes.flatMap((sc) =>
        sc.shots.map((sh) => ({
          scene: sc.heading,
          title: sh.title,
          shotSize: sh.shotSize ?? null,
          camera: sh.camera ?? null,
          durationSec: sh.durationSec,
          prompt: sh.prompt,
          lines: sh.dialogue.length,
        })),
      );
      process.stdout.write(`${JSON.stringify({ applied: !v['dry-run'], ...counts, shotList })}\n`);
    } else {
      for (const sc of proposal.scenes) {
        process.stdout.write(`${sc.heading ?? '(no scene)'}\n`);
        for (const sh of sc.shots)
          process.stdout.write(
            `  ${sh.key}  ${sh.shotSize ?? '-'} ${sh.camera ?? '-'} ${sh.durationSec}s  ${sh.title}${sh.dialogue.length ? ` (${sh.dialogue.length} lines)` : ''}\n`,
          );
      }
      process.stdout.write(
        `${v['dry-run'] ? 'would add' : 'added'} ${counts.scenes} scenes, ${counts.shots} shots, ${counts.newCharacters} new characters, ${counts.mergedCharacters} merged, ${counts.lines} dialogue lines${v['dry-run'] ? '' : ' (one undo step)'}\n`,
      );
    }
    return 0;
  });
}
