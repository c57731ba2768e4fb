/** Types of electronStart.mjs (plain Node, run by `npm start` without a build step). */
export interface RunResult {
  status: number | null;
  output: string;
}
export interface StartIo {
  exists(path: string): boolean;
  readText(path: string): string;
  readBytes(path: string): Uint8Array;
  remove(path: string): void;
  copy(from: string, to: string): void;
  run(command: string, args: string[], opts?: { inherit?: boolean }): RunResult;
  print(text: string): void;
  printError(text: string): void;
}
export const NATIVE_COPY: string;
export const NODE_BUILD: string;
export function moduleVersionOf(bytes: Uint8Array): number | null;
export function electronAbi(io: StartIo, root: string): number | null;
export function electronBinary(io: StartIo, root: string): string | null;
export function fileModuleVersion(io: StartIo, file: string): number | null;
export function firstProblem(output: string): string;
export function noElectronMessage(reason: string, projectsDir: string, note?: string): string;
export function olderThan(version: string, min: [number, number]): boolean;
export function start(
  io: StartIo,
  opts: { root: string; projectsDir: string; nodeAbi: number; nodeVersion?: string },
): number;
