/**
 * Settings → C2PA signing: the paths of the PEM certificate chain and private key that sign
 * the C2PA manifest of every deliverable. Stored like the other secrets (the app's key store,
 * OS-encrypted, under C2PA_SECRET_ID), never in settings.json or a project; the environment
 * wins (STORYBOARD_C2PA_CERT_CHAIN + STORYBOARD_C2PA_PRIVATE_KEY), for the CLI, the browser
 * host and tests. Credentials are checked (loadC2paSigner) before they are saved.
 */
import type { C2paSigningView } from '../../../shared/api/c2pa.js';
import { keyedError, localizedMessage, toSerializedError } from '../../../shared/errors.js';
import { loadC2paSigner, type C2paSigner, type C2paSigningPaths } from '../export/c2paSigner.js';
import type { SecretStore } from './secrets.js';

export const C2PA_SECRET_ID = 'c2pa-signing';
export const C2PA_ENV = { chain: 'STORYBOARD_C2PA_CERT_CHAIN', key: 'STORYBOARD_C2PA_PRIVATE_KEY' } as const;

export class C2paSigningSettings {
  constructor(
    private readonly secrets: SecretStore,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {}

  private async configured(): Promise<{ paths: C2paSigningPaths; source: 'env' | 'store' } | null> {
    const chain = this.env[C2PA_ENV.chain]?.trim();
    const key = this.env[C2PA_ENV.key]?.trim();
    if (chain && key) return { paths: { certChainPath: chain, privateKeyPath: key }, source: 'env' };
    const saved = await this.secrets.get(C2PA_SECRET_ID).catch(() => null);
    if (!saved) return null;
    try {
      const p = JSON.parse(saved) as Partial<C2paSigningPaths>;
      if (typeof p.certChainPath === 'string' && typeof p.privateKeyPath === 'string') {
        return { paths: { certChainPath: p.certChainPath, privateKeyPath: p.privateKeyPath }, source: 'store' };
      }
    } catch {
      // a damaged entry is as good as none; saving again replaces it
    }
    return null;
  }

  async view(): Promise<C2paSigningView> {
    const c = await this.configured();
    const base = {
      canStore: Boolean(this.secrets.set),
      env: [C2PA_ENV.chain, C2PA_ENV.key],
    };
    if (!c) return { ...base, configured: false, source: null, paths: null, signer: null, problem: null };
    try {
      const s = await loadC2paSigner(c.paths);
      return {
        ...base,
        configured: true,
        source: c.source,
        paths: c.paths,
        signer: { subject: s.subject, alg: s.alg, notAfter: s.notAfter },
        problem: null,
      };
    } catch (err) {
      const e = toSerializedError(err);
      const problem = { message: e.message, localized: localizedMessage(e) };
      return { ...base, configured: true, source: c.source, paths: c.paths, signer: null, problem };
    }
  }

  /** Checks and saves the paths (null: removes them: deliverables are then unsigned). */
  async update(paths: C2paSigningPaths | null): Promise<C2paSigningView> {
    if (!this.secrets.set || !this.secrets.delete) {
      throw keyedError(
        'INVALID_INPUT',
        'c2pa.errors.cannotStore',
        { chain: C2PA_ENV.chain, key: C2PA_ENV.key },
        `Signing credentials cannot be saved here; set ${C2PA_ENV.chain} and ${C2PA_ENV.key} in the environment instead.`,
      );
    }
    if (paths === null) {
      await this.secrets.delete(C2PA_SECRET_ID);
    } else {
      await loadC2paSigner(paths); // refuses what cannot sign, with its own message
      await this.secrets.set(C2PA_SECRET_ID, JSON.stringify(paths));
    }
    return this.view();
  }

  /**
   * The signer for an export run: null when none is configured (the deliverables are unsigned);
   * configured but unusable (expired, key gone...) refuses the run with the reason.
   */
  async signer(): Promise<C2paSigner | null> {
    const c = await this.configured();
    return c ? loadC2paSigner(c.paths) : null;
  }
}
