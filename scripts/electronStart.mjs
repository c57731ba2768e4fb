/**
 * What `npm start` does, as functions over injected I/O so unit tests run them in plain Node
 * (Electron is never needed to test this; test/unit/scripts/start.test.ts):
 *
 * 1. Electron's binary: present, or fetched once (node_modules/electron/install.js, output
 *    captured). When it cannot be fetched, ONE paragraph explains it and prints the exact
 *    `storyboard serve` command that starts the same editor in a browser; no stack traces, and
 *    nothing else is touched.
 * 2. better-sqlite3 for Electron's ABI at out/native/electron/better_sqlite3.node, verified by
 *    the module version compiled into the .node file (the `node_register_module_v<N>` symbol
 *    every non-N-API addon exports: NODE_MODULE_INITIALIZER in node.h,
 *    https://github.com/nodejs/node/blob/main/src/node.h) against Electron's ABI
 *    (node_modules/electron/abi_version), never by the file merely existing: a failed rebuild
 *    that leaves Node's build (e.g. v115 for Node 20) in place is detected and removed.
 * 3. Node's own build in node_modules is put back and checked against process.versions.modules,
 *    so tests and the CLI keep working.
 */
import { join } from 'node:path';

export const NATIVE_COPY = join('out', 'native', 'electron', 'better_sqlite3.node');
export const NODE_BUILD = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const ELECTRON_DIR = join('node_modules', 'electron');

/** The NODE_MODULE_VERSION a native addon was compiled for, read from its bytes; null if none. */
export function moduleVersionOf(bytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const m = /node_register_module_v(\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Electron's NODE_MODULE_VERSION from its package (abi_version), or null when unknown. */
export function electronAbi(io, root) {
  const file = join(root, ELECTRON_DIR, 'abi_version');
  if (!io.exists(file)) return null;
  const n = Number(io.readText(file).trim());
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The Electron executable when it is installed (path.txt names it inside dist/). */
export function electronBinary(io, root) {
  const pathFile = join(root, ELECTRON_DIR, 'path.txt');
  if (!io.exists(pathFile)) return null;
  const exe = join(root, ELECTRON_DIR, 'dist', io.readText(pathFile).trim());
  return io.exists(exe) ? exe : null;
}

/** The module version of a .node file, or null when it is missing or not an addon. */
export function fileModuleVersion(io, file) {
  return io.exists(file) ? moduleVersionOf(io.readBytes(file)) : null;
}

/** The first line of a failed tool's output that says what went wrong (not a stack frame). */
export function firstProblem(output) {
  const lines = String(output)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => !/^at\s/.test(l) && !/^Downloading/i.test(l)) ?? 'no reason given';
}

/** Shell-quotes a path for the printed command (POSIX shells and PowerShell both take "..."). */
function quoted(path) {
  return /^[\w./:@-]+$/.test(path) ? path : `"${path.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** Whether a "major.minor.patch" version is older than [major, minor]. */
export function olderThan(version, [major, minor]) {
  const [a = 0, b = 0] = String(version).replace(/^v/, '').split('.').map(Number);
  return a < major || (a === major && b < minor);
}

/** The one paragraph shown when Electron's binary cannot be fetched. */
export function noElectronMessage(reason, projectsDir, note = '') {
  const command = `npx storyboard serve ${quoted(projectsDir)}`;
  return [
    `Storyboard cannot start as a desktop app here: Electron's program is not installed and downloading it failed (${reason}). ` +
      'Electron fetches its binary from GitHub on first use, so this machine needs that network access (or ELECTRON_MIRROR pointing at a reachable mirror) before `npm start` can work. ' +
      `The same editor runs in your browser without Electron: start it with the command below, open the http://127.0.0.1 address it prints, and create or open projects in that folder.${note}`,
    '',
    `  ${command}`,
    '',
  ].join('\n');
}

/**
 * Runs the start sequence. `io`: exists, readText, readBytes, remove, copy, run(cmd, args) ->
 * { status, output }, print, printError. Returns the exit code (0 after Electron exits cleanly).
 */
export function start(io, opts) {
  const { root, projectsDir, nodeAbi } = opts;
  // electron, @electron/get (the download) and @electron/rebuild (the native rebuild) declare
  // "engines": { "node": ">=22.12.0" }; the editor, CLI and tests need only Node 20.19.
  const nodeNote =
    opts.nodeVersion && olderThan(opts.nodeVersion, [22, 12])
      ? ` (Also: Electron 45's tools ask for Node 22.12 or newer and this is Node ${opts.nodeVersion}.)`
      : '';
  // 1. Electron itself. Nothing else is touched when it is missing.
  let exe = electronBinary(io, root);
  if (!exe) {
    const fetched = io.run(process.execPath, [join(root, ELECTRON_DIR, 'install.js')]);
    exe = fetched.status === 0 ? electronBinary(io, root) : null;
    if (!exe) {
      io.printError(noElectronMessage(firstProblem(fetched.output), projectsDir, nodeNote));
      return 1;
    }
  }
  // 2. better-sqlite3 built for Electron's ABI, checked by the version inside the file.
  const abi = electronAbi(io, root);
  if (abi === null) {
    io.printError(
      'Storyboard cannot tell which native module version this Electron needs (node_modules/electron/abi_version is missing): reinstall with `npm ci`.',
    );
    return 1;
  }
  const copy = join(root, NATIVE_COPY);
  const have = fileModuleVersion(io, copy);
  if (have !== abi) {
    io.print(
      have === null
        ? `Building better-sqlite3 for Electron (module version ${abi}) once...`
        : `Rebuilding better-sqlite3 for Electron: ${NATIVE_COPY} is module version ${have}, Electron needs ${abi}...`,
    );
    const built = io.run('npx', ['electron-builder', 'install-app-deps']);
    const got = built.status === 0 ? fileModuleVersion(io, join(root, NODE_BUILD)) : null;
    if (got === abi) io.copy(join(root, NODE_BUILD), copy);
    // Put Node's build back either way: tests and the CLI load node_modules' copy.
    const restored = io.run('npm', ['rebuild', 'better-sqlite3']);
    const nodeBuild = fileModuleVersion(io, join(root, NODE_BUILD));
    if (got !== abi) {
      io.remove(copy);
      io.printError(
        `Could not build better-sqlite3 for Electron (module version ${abi}): ${built.status === 0 ? `the build produced module version ${got ?? 'unknown'}` : firstProblem(built.output)}. Nothing was left at ${NATIVE_COPY}. Building needs Electron's headers (a download) and a C++ toolchain; \`npx storyboard serve <folder>\` works without them.${nodeNote}`,
      );
      return 1;
    }
    if (restored.status !== 0 || nodeBuild !== nodeAbi) {
      io.printError(
        `better-sqlite3 for Node (module version ${nodeAbi}) could not be restored (found ${nodeBuild ?? 'none'}): run \`npm rebuild better-sqlite3\` before running tests or the CLI.`,
      );
    }
  }
  // 3. Launch.
  return io.run(exe, ['.'], { inherit: true }).status ?? 1;
}
