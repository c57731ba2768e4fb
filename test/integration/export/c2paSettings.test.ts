/**
 * Settings → C2PA signing through the contract: credentials are checked before they are saved
 * (the refusal carries its translation key), kept in the key store (not settings.json), shown
 * with the signer's subject; delivery.start refuses to run with saved credentials that no longer
 * sign, and removing them makes deliveries unsigned again.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { c2paHandlers } from '../../../electron/services/facade/c2pa.js';
import { C2PA_SECRET_ID, C2paSigningSettings } from '../../../electron/services/settings/c2paSigning.js';
import type { SecretStore } from '../../../electron/services/settings/secrets.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeTestCredentials } from './c2paFixtures.js';

function memoryStore(): SecretStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (id) => Promise.resolve(data.get(id) ?? null),
    set: (id, v) => Promise.resolve(void data.set(id, v)),
    delete: (id) => Promise.resolve(void data.delete(id)),
  };
}

describe('Settings → C2PA signing', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'pki'));
  const creds = makeTestCredentials(join(dir, 'pki'));

  it('checks, saves in the key store, shows the signer; refuses what cannot sign', async () => {
    const secrets = memoryStore();
    const h = c2paHandlers({ secrets });
    expect(await h['c2pa.signing']({})).toMatchObject({ configured: false, signer: null, canStore: true });
    const refused = await h['c2pa.setSigning']({
      paths: { certChainPath: creds.chain, privateKeyPath: creds.otherKey },
    }).catch((e: { details?: { messageKey?: string } }) => e.details?.messageKey);
    expect(refused).toBe('c2pa.errors.keyMismatch');
    expect(secrets.data.size).toBe(0);
    const view = await h['c2pa.setSigning']({ paths: { certChainPath: creds.chain, privateKeyPath: creds.key } });
    expect(view).toMatchObject({ configured: true, source: 'store', problem: null });
    expect(view.signer?.subject).toContain('Storyboard Test Signer');
    expect(view.signer?.alg).toBe('es256');
    expect(JSON.parse(secrets.data.get(C2PA_SECRET_ID) ?? '{}')).toEqual({
      certChainPath: creds.chain,
      privateKeyPath: creds.key,
    });
    expect(await h['c2pa.setSigning']({ paths: null })).toMatchObject({ configured: false });
    expect(secrets.data.has(C2PA_SECRET_ID)).toBe(false);
  });

  it('saved credentials that stop signing are reported and refuse the run; the environment wins', async () => {
    const secrets = memoryStore();
    const s = new C2paSigningSettings(secrets, {});
    await s.update({ certChainPath: creds.chain, privateKeyPath: creds.key });
    expect(await s.signer()).not.toBeNull();
    const gone = join(dir, 'pki/gone.key');
    secrets.data.set(C2PA_SECRET_ID, JSON.stringify({ certChainPath: creds.chain, privateKeyPath: gone }));
    const view = await s.view();
    expect(view.problem?.localized?.key).toBe('c2pa.errors.keyUnreadable');
    await expect(s.signer()).rejects.toMatchObject({ details: { messageKey: 'c2pa.errors.keyUnreadable' } });
    const env = new C2paSigningSettings(secrets, {
      STORYBOARD_C2PA_CERT_CHAIN: creds.chain,
      STORYBOARD_C2PA_PRIVATE_KEY: creds.key,
    });
    expect(await env.view()).toMatchObject({ source: 'env', problem: null });
    rmSync(gone, { force: true });
  });

  it('without a key store (CLI, browser host) credentials come from the environment only', async () => {
    const s = new C2paSigningSettings({ get: () => Promise.resolve(null) }, {});
    expect(await s.view()).toMatchObject({ canStore: false, configured: false });
    await expect(s.update({ certChainPath: creds.chain, privateKeyPath: creds.key })).rejects.toMatchObject({
      details: { messageKey: 'c2pa.errors.cannotStore' },
    });
    expect(await s.signer()).toBeNull();
  });
});
