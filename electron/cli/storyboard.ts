/**
 * `storyboard` — the command line host of the services. Every command goes through the same
 * contract handlers as the UI, so validation and behaviour are identical. Bad input prints one
 * clear line on stderr and exits non-zero; nothing is half-written (the services guarantee it).
 */
import { CliError, runCli } from './commands.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`storyboard: ${message}\n`);
    process.exitCode = err instanceof CliError ? err.exitCode : 1;
  },
);
