/** Command table and argument parsing (node:util parseArgs: built in, strict, no dependency). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ASPECTS, RESOLUTIONS } from '../../shared/model/format.js';
import { CAMERA_MOVES } from '../../shared/model/entities.js';
import { cmdCheck } from './check.js';
import { cmdCast, cmdFit, cmdLipSync, cmdVoice } from './dialogue.js';
import { cmdElementAdd } from './elements.js';
import { cmdGenerate, cmdJobs } from './generate.js';
import { cmdKeyframe } from './keyframe.js';
import { cmdBridge } from './bridge.js';
import { cmdUpscale } from './upscale.js';
import { cmdExtend } from './extend.js';
import { cmdCollect, cmdConform } from './handoff.js';
import { cmdStyle } from './style.js';
import { cmdTemplate } from './template.js';
import { cmdVariants } from './variants.js';
import { cmdImport } from './scriptImport.js';
import { cmdBreakdown } from './breakdown.js';
import { cmdBackup, cmdRelink, cmdRepair } from './recovery.js';
import { cmdAddShot, cmdExport, cmdInfo, cmdNew, cmdServe } from './run.js';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export const USAGE = `Usage:
  storyboard new <dir> --name <text> [--aspect ${ASPECTS.join('|')}] [--resolution ${RESOLUTIONS.join('|')}] [--fps <n>]
  storyboard add-shot <dir> [--prompt <text>] [--first-frame <image>] [--video <clip>] [--duration <s>] [--camera <move>] [--element <id|@tag>]... [--dialogue "Name: text"]...
  storyboard add-shot <dir> --extend <takeId> [--prompt <text>]   (a shot after the take's, continuing its clip)
  storyboard element add <dir> --name <text> [--kind character|location|prop|style] [--tag <@tag>] [--image <file>]... [--description <text>]
  storyboard style <dir> [--prompt <text>] [--image <file>]... [--no-images]   (the style every shot's prompt and references get)
  storyboard template <dir> [--set name=value]... [--picture name=<image>]... [--first-frame <shotId>=<name>]... [--remove <name>]... [--json]   ({{variables}} and picture slots)
  storyboard variants <template-dir> --data <rows.csv|rows.json> --out <folder> [--aspect <ratio>]... [--name <pattern>] [--budget <amount>] [--quality draft|standard|high] [--dry-run]   (one project and one export per row per aspect)
  storyboard generate <dir> [--provider <id>]... [--model <id>] [--variations <n>] [--budget <amount>] [--new-seed] [--shot <id>]... [--multi-shot] [--restyle]   (--multi-shot: the shots, consecutive, as ONE generation split back into takes; --restyle: each shot's latest clip edited by a video-to-video model, e.g. --provider runway --model aleph2)
  storyboard jobs <dir> [--json]
  storyboard keyframe <dir> --shot <id> [--provider <id>] [--model <id>] [--variations <n>] [--last]   (keyframe pictures from the shot's references)
  storyboard keyframe <dir> --pick <takeId> [--last]   (a keyframe picture becomes the shot's first/last frame)
  storyboard keyframe <dir> --resume   (finishes image jobs a crash left; nothing new is sent)
  storyboard upscale <dir> --take <id> [--provider ffmpeg|fal-seedvr] [--resume]   (a larger copy of a take, as a new take)
  storyboard extend <dir> --take <id> --to <s> [--provider <id>] [--model <id>] [--link <s>] [--budget <amount>] [--dry-run]   (chain links from each clip's last frame to a target length)
  storyboard bridge <dir> --after <shotId> [--provider <id>] [--model <id>] [--duration <s>] [--no-generate]   (a shot from this shot's last frame to the next one's first)
  storyboard export <dir> --out <file> [--quality draft|standard|high] [--subtitles burn] [--format mp4|srt|vtt]
  storyboard export <dir> --out <file-or-folder> [--preset <name>]... [--aspect <ratio>]... [--codec h264|hevc|prores] [--loudness <LUFS>] [--quality ...]
  storyboard export <dir> --format fcpxml|otio|edl|mlt|jianying|pdf --out <path>   (editor files, a 剪映/CapCut draft folder, a PDF storyboard)
  storyboard collect <dir> --out <zip> [--cut-only]
  storyboard conform <dir> --from <file.otio|file.fcpxml>   (trims and order back from an editor, one undo step)
  storyboard cast <dir> --speaker <name|@tag|narrator> --voice <provider>:<voiceId> [--speed <n>]
  storyboard voice <dir> [--shot <id>]... [--force] [--budget <amount>]   (speaks the dialogue lines)
  storyboard fit <dir> [--shot <id>]...   (shot lengths fitted to their dialogue)
  storyboard lipsync <dir> --take <id> [--line <id>]...
  storyboard import <dir> --script <file.fountain|.txt|.md> [--dry-run] [--json]   (scenes, shots, characters and dialogue from a script, one undo step)
  storyboard breakdown <dir> --script <file> [--llm <url>] [--model <id>] [--dry-run] [--json]   (an AI shot list from an OpenAI-compatible chat endpoint, one undo step)
  storyboard check <dir> [--json] [--shot <id>]... [--selected] [--threshold <kind>=<0..1>]...   (takes scored against their elements' pictures, offline; kinds: character, location, prop)
  storyboard info <dir> --json
  storyboard serve <dir> [--port <n>]
  storyboard relink <dir> [--asset <id> --file <path> [--yes] | --search <folder>]   (missing media: list, relink by file or by folder search)
  storyboard backup <dir> --out <dir2>   (a copy of the project and its media, while it may stay open)
  storyboard repair <dir> [--out <dir2>]   (a repaired copy of a project refused for foreign schema objects)

Camera moves: ${CAMERA_MOVES.join(', ')}`;

type Options = NonNullable<ParseArgsConfig['options']>;
const str = { type: 'string' } as const;

const COMMANDS: Record<
  string,
  { options: Options; run: (dir: string, v: Record<string, unknown>) => Promise<number> }
> = {
  new: { options: { name: str, aspect: str, resolution: str, fps: str }, run: cmdNew },
  'add-shot': {
    options: {
      prompt: str,
      'first-frame': str,
      video: str,
      duration: str,
      camera: str,
      title: str,
      extend: str,
      element: { type: 'string', multiple: true },
      dialogue: { type: 'string', multiple: true },
    },
    run: cmdAddShot,
  },
  generate: {
    options: {
      provider: { type: 'string', multiple: true },
      model: str,
      variations: str,
      budget: str,
      'new-seed': { type: 'boolean' },
      shot: { type: 'string', multiple: true },
      'multi-shot': { type: 'boolean' },
      restyle: { type: 'boolean' },
    },
    run: cmdGenerate,
  },
  jobs: { options: { json: { type: 'boolean' } }, run: cmdJobs },
  upscale: { options: { take: str, provider: str, resume: { type: 'boolean' } }, run: cmdUpscale },
  extend: {
    options: { take: str, to: str, provider: str, model: str, link: str, budget: str, 'dry-run': { type: 'boolean' } },
    run: cmdExtend,
  },
  bridge: {
    options: { after: str, provider: str, model: str, duration: str, 'no-generate': { type: 'boolean' } },
    run: cmdBridge,
  },
  keyframe: {
    options: {
      shot: str,
      provider: str,
      model: str,
      variations: str,
      pick: str,
      last: { type: 'boolean' },
      resume: { type: 'boolean' },
    },
    run: cmdKeyframe,
  },
  export: {
    options: {
      out: str,
      quality: str,
      format: str,
      subtitles: str,
      preset: { type: 'string', multiple: true },
      aspect: { type: 'string', multiple: true },
      codec: str,
      loudness: str,
    },
    run: cmdExport,
  },
  cast: { options: { speaker: str, voice: str, speed: str }, run: cmdCast },
  voice: {
    options: { shot: { type: 'string', multiple: true }, force: { type: 'boolean' }, budget: str },
    run: cmdVoice,
  },
  fit: { options: { shot: { type: 'string', multiple: true } }, run: cmdFit },
  lipsync: { options: { take: str, line: { type: 'string', multiple: true } }, run: cmdLipSync },
  collect: { options: { out: str, 'cut-only': { type: 'boolean' } }, run: cmdCollect },
  conform: { options: { from: str }, run: cmdConform },
  info: { options: { json: { type: 'boolean' } }, run: cmdInfo },
  import: { options: { script: str, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, run: cmdImport },
  breakdown: {
    options: { script: str, llm: str, model: str, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    run: cmdBreakdown,
  },
  check: {
    options: {
      json: { type: 'boolean' },
      shot: { type: 'string', multiple: true },
      selected: { type: 'boolean' },
      threshold: { type: 'string', multiple: true },
    },
    run: cmdCheck,
  },
  serve: { options: { port: str }, run: cmdServe },
  style: {
    options: { prompt: str, image: { type: 'string', multiple: true }, 'no-images': { type: 'boolean' } },
    run: cmdStyle,
  },
  template: {
    options: {
      set: { type: 'string', multiple: true },
      picture: { type: 'string', multiple: true },
      'first-frame': { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    run: cmdTemplate,
  },
  variants: {
    options: {
      data: str,
      out: str,
      aspect: { type: 'string', multiple: true },
      name: str,
      budget: str,
      quality: str,
      'dry-run': { type: 'boolean' },
    },
    run: cmdVariants,
  },
  relink: { options: { asset: str, file: str, search: str, yes: { type: 'boolean' } }, run: cmdRelink },
  backup: { options: { out: str }, run: cmdBackup },
  repair: { options: { out: str }, run: cmdRepair },
  'element add': {
    options: { name: str, kind: str, tag: str, description: str, image: { type: 'string', multiple: true } },
    run: cmdElementAdd,
  },
};

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const { APP_VERSION } = await import('../services/version.js');
    process.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  // `element add`: a command with a sub-command (more, e.g. `element list`, may follow).
  if (name === 'element') {
    const sub = rest.shift();
    if (sub !== 'add')
      throw new CliError(`element: unknown sub-command "${sub ?? ''}" (expected "element add")\n${USAGE}`);
  }
  const key = name === 'element' ? 'element add' : name;
  const command = COMMANDS[key];
  if (!command) throw new CliError(`unknown command "${name}"\n${USAGE}`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(`${key}: ${(err as Error).message}`);
  }
  const [dir, ...extra] = parsed.positionals;
  if (!dir) throw new CliError(`${key}: missing <dir>\n${USAGE}`);
  if (extra.length) throw new CliError(`${key}: unexpected argument "${extra[0]}"`);
  return command.run(dir, parsed.values as Record<string, unknown>);
}
