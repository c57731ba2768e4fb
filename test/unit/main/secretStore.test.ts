import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretStore, type Cipher } from '../../../electron/main/secrets/secretStore.js';
import { tempDir } from '../../helpers/tmp.js';

/** A reversible stand-in for safeStorage whose output never contains the plaintext. */
function fakeCipher(opts: { available?: boolean; backend?: string | null; key?: number } = {}): Cipher {
  const key = opts.key ?? 0x5a;
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ key));
  return {
    isEncryptionAvailable: () => opts.available ?? true,
    backend: () => opts.backend ?? 'gnome_libsecret',
    encrypt: (plain) => Buffer.concat([Buffer.from('v10'), xor(Buffer.from(plain, 'utf8'))]),
    decrypt: (blob) => {
      if (blob.subarray(0, 3).toString() !== 'v10') throw new Error('bad blob');
      return xor(blob.subarray(3)).toString('utf8');
    },
  };
}

describe('SecretStore (SEC-10)', () => {
  const dir = tempDir();
  const KEY = 'sk-live-ABCDEF0123456789-密钥';

  it('stores keys encrypted: round-trips, and the file never holds the plaintext', async () => {
    const file = path.join(dir, 'a', 'secrets.json');
    const store = new SecretStore(file, fakeCipher());
    await store.set('runway', KEY);
    expect(await store.get('runway')).toBe(KEY);
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain(KEY);
    expect(raw).not.toContain('sk-live');
    expect(await new SecretStore(file, fakeCipher()).providers()).toEqual(['runway']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to store without OS encryption, with a message that says what to do', async () => {
    const store = new SecretStore(path.join(dir, 'b.json'), fakeCipher({ available: false }));
    await expect(store.set('runway', KEY)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/no keychain.*STORYBOARD_<PROVIDER>_API_KEY/),
    });
    expect(store.unavailableReason()).not.toBeNull();
  });

  it("refuses Linux's basic_text backend (a publicly known password)", async () => {
    const file = path.join(dir, 'c.json');
    const store = new SecretStore(file, fakeCipher({ backend: 'basic_text' }));
    await expect(store.set('kling', KEY)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/keyring/),
    });
    expect(() => statSync(file)).toThrow();
  });

  it('returns null (ask again) when a blob no longer decrypts, instead of throwing', async () => {
    const file = path.join(dir, 'd.json');
    await new SecretStore(file, fakeCipher()).set('luma', KEY);
    const other = new SecretStore(file, {
      ...fakeCipher(),
      decrypt: () => {
        throw new Error('keychain reset');
      },
    });
    expect(await other.get('luma')).toBeNull();
    expect(await other.get('never-set')).toBeNull();
  });

  it('deletes one provider and keeps the others', async () => {
    const file = path.join(dir, 'e.json');
    const store = new SecretStore(file, fakeCipher());
    await store.set('runway', 'k1');
    await store.set('veo', 'k2');
    await store.delete('runway');
    await store.delete('not-there');
    expect(await store.get('runway')).toBeNull();
    expect(await store.get('veo')).toBe('k2');
    expect(await store.providers()).toEqual(['veo']);
  });

  it('validates provider ids and key length', async () => {
    const store = new SecretStore(path.join(dir, 'f.json'), fakeCipher());
    for (const bad of ['', '__proto__', '../x', 'Runway', 'a b', 'x'.repeat(65)]) {
      await expect(store.set(bad, KEY), bad).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(await store.get('constructor')).toBeNull();
    await expect(store.set('runway', '')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('reports a damaged file instead of overwriting the other keys', async () => {
    const file = path.join(dir, 'g.json');
    writeFileSync(file, '{"version":1,"secrets":');
    const store = new SecretStore(file, fakeCipher());
    await expect(store.set('runway', KEY)).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('damaged'),
    });
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"secrets":');
  });
});
