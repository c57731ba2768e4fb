/**
 * storyboard import <dir> --script <file> [--dry-run] [--json]
 * Reads a Fountain screenplay, a Chinese script or a text/Markdown outline, prints what it
 * would add (scenes, shots, characters new and merged, dialogue lines) and every problem with
 * its line number, then applies all of it as ONE undo step. Errors (an unclosed boneyard or
 * note, a binary file) refuse the import with exit 1 and change nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { MAX_SCRIPT_BYTES, proposalCounts } from '../../shared/script/index.js';
import { decodeScriptBytes } from '../../shared/script/decode.js';
import { call, withProject } from './client.js';
import { CliError } from './commands.js';

/** The script file's text, refused when missing or over MAX_SCRIPT_BYTES (also used by `breakdown`). */
export function readScript(file: string, command = 'import'): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`${command}: cannot read "${file}": no such file`, 1);
  }
  if (size > MAX_SCRIPT_BYTES)
    throw new CliError(`${command}: "${file}" is ${size} bytes; a script may be at most ${MAX_SCRIPT_BYTES} bytes`, 1);
  const decoded = decodeScriptBytes(readFileSync(file));
  if (!decoded)
    throw new CliError(
      `${command}: "${file}" is neither UTF-8 nor GB18030 (GBK) text; save it as UTF-8 and try again`,
      1,
    );
  return decoded.text;
}

export async function cmdImport(dir: string, v: Record<string, unknown>): Promise<number> {
  if (typeof v.script !== 'string' || !v.script) throw new CliError('import: --script <file> is required');
  const file = resolve(v.script);
  const text = readScript(file);
  return withProject(dir, async (services) => {
    const proposal = await call(services, 'script.propose', { text, fileName: basename(file) });
    const counts = proposalCounts(proposal);
    for (const i of proposal.issues) process.stderr.write(`${i.severity}: ${basename(file)}: ${i.message}\n`);
    const summary = `${proposal.format}: ${counts.scenes} scenes, ${counts.shots} shots, ${counts.newCharacters} new characters, ${counts.mergedCharacters} merged, ${counts.lines} dialogue lines`;
    if (counts.errors > 0) {
      process.stderr.write(`import refused: ${counts.errors} error(s) in ${basename(file)}; nothing was changed.\n`);
      return 1;
    }
    if (!v['dry-run']) await call(services, 'script.apply', { proposal });
    if (v.json) process.stdout.write(`${JSON.stringify({ applied: !v['dry-run'], ...counts })}\n`);
    else process.stdout.write(`${v['dry-run'] ? 'would import' : 'imported'} ${summary}\n`);
    return 0;
  });
}
