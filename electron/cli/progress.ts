/** Progress on stderr: a live line on a terminal, sparse lines in logs and CI. */
import type { EventPayload } from '../../shared/api/contract.js';

export class Progress {
  private lastPrinted = -1;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly label: string) {}

  fraction(p: number): void {
    const pct = Math.floor(Math.min(1, Math.max(0, p)) * 100);
    if (this.tty) {
      process.stderr.write(`\r${this.label} ${String(pct).padStart(3)}%`);
    } else if (pct >= this.lastPrinted + 25 || (pct === 100 && this.lastPrinted < 100)) {
      process.stderr.write(`${this.label} ${pct}%\n`);
      this.lastPrinted = pct;
    }
  }

  job(p: EventPayload<'job.progress'>): void {
    const pct = Math.round(p.progress * 100);
    const line = `${this.label} shot ${p.shotId.slice(0, 8)} ${p.state}${p.state === 'running' ? ` ${pct}%` : ''}`;
    if (this.tty) process.stderr.write(`\r\x1b[2K${line}`);
    else if (p.state !== 'running') process.stderr.write(`${line}\n`);
  }

  end(): void {
    if (this.tty) process.stderr.write('\n');
  }
}
