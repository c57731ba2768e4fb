/**
 * The built CLI (esbuild bundle: the wasm SDK found in node_modules at run time) signs its
 * deliverables when STORYBOARD_C2PA_CERT_CHAIN / STORYBOARD_C2PA_PRIVATE_KEY name credentials,
 * says so per deliverable, and otherwise notes that the files are unsigned. A plain export (no
 * preset, aspect, codec or loudness: the Export dialog's path) is signed too, its sidecar says so.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readC2pa } from '../../../electron/services/export/c2paEmbed.js';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { cfrClip } from '../../helpers/media.js';
import { cliOk } from '../../helpers/projectCli.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeTestCredentials } from './c2paFixtures.js';

const root = tempDir('sb c2pa cli-');
const project = join(root, 'film');
let creds: ReturnType<typeof makeTestCredentials>;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(join(root, 'pki'));
  creds = makeTestCredentials(join(root, 'pki'));
  await cliOk(['new', project, '--name', 'Signed', '--fps', '25', '--resolution', '720p'], process.env);
  await cliOk(['add-shot', project, '--video', cfrClip()], process.env);
}, 120_000);

describe('storyboard export with C2PA credentials in the environment', () => {
  it('signs the file (c2pa-rs reads a Valid manifest) and reports "C2PA signed"', async () => {
    const out = join(root, 'signed.mp4');
    const env = { ...process.env, STORYBOARD_C2PA_CERT_CHAIN: creds.chain, STORYBOARD_C2PA_PRIVATE_KEY: creds.key };
    const run = await runCli(['export', project, '--out', out, '--aspect', '16:9', '--quality', 'draft'], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/C2PA signed/);
    const r = await readC2pa(readFileSync(out), 'video/mp4');
    expect(r?.state).toBe('Valid');
    expect(r?.claimGenerator).toBe('Storyboard');
  }, 180_000);

  it('without credentials: unsigned, with a note saying so', async () => {
    const out = join(root, 'plain.mp4');
    const env = { ...process.env, STORYBOARD_C2PA_CERT_CHAIN: '', STORYBOARD_C2PA_PRIVATE_KEY: '' };
    const run = await runCli(['export', project, '--out', out, '--aspect', '16:9', '--quality', 'draft'], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/C2PA unsigned/);
    expect(run.stderr).toMatch(/note: No C2PA signing certificate/);
    expect(await readC2pa(readFileSync(out), 'video/mp4')).toBeNull();
  }, 180_000);

  it('a plain export (no deliverable options) is signed too; its sidecar says signed, or unsigned without', async () => {
    const signedOut = join(root, 'single.mp4');
    const env = { ...process.env, STORYBOARD_C2PA_CERT_CHAIN: creds.chain, STORYBOARD_C2PA_PRIVATE_KEY: creds.key };
    const run = await runCli(['export', project, '--out', signedOut, '--quality', 'draft'], env);
    expect(run.status, run.stderr).toBe(0);
    expect((await readC2pa(readFileSync(signedOut), 'video/mp4'))?.state).toBe('Valid');
    expect(JSON.parse(readFileSync(`${signedOut}.provenance.json`, 'utf8'))).toMatchObject({ c2pa: 'signed' });

    const plainOut = join(root, 'single-plain.mp4');
    const none = { ...process.env, STORYBOARD_C2PA_CERT_CHAIN: '', STORYBOARD_C2PA_PRIVATE_KEY: '' };
    const plain = await runCli(['export', project, '--out', plainOut, '--quality', 'draft'], none);
    expect(plain.status, plain.stderr).toBe(0);
    expect(await readC2pa(readFileSync(plainOut), 'video/mp4')).toBeNull();
    expect(existsSync(`${plainOut}.provenance.json`)).toBe(true);
    expect(JSON.parse(readFileSync(`${plainOut}.provenance.json`, 'utf8'))).toMatchObject({ c2pa: 'unsigned' });
  }, 180_000);
});
