/**
 * A bounded tail of an ffmpeg/ffprobe stderr (pure). Error messages quote the last lines that
 * say something (codebases.md Synthesis 11: "a bounded tail of stderr becomes the error
 * message"); periodic statistics lines are skipped because they would push the cause out.
 */
import { isStatsLine } from './progress.js';

export class StderrTail {
  private readonly kept: string[] = [];

  constructor(private readonly maxLines = 20) {}

  push(line: string): void {
    const text = line.trimEnd();
    if (text === '' || isStatsLine(text)) return;
    this.kept.push(text);
    if (this.kept.length > this.maxLines) this.kept.shift();
  }

  /** Pushes every line of a chunk of text (split on \n and the \r ffmpeg uses for stats). */
  pushText(text: string): void {
    for (const line of text.split(/\r\n|\r|\n/)) this.push(line);
  }

  lines(): string[] {
    return [...this.kept];
  }

  text(): string {
    return this.kept.join('\n');
  }
}
