/**
 * The C2PA signing credentials: a PEM certificate chain (the signer's certificate first, then
 * intermediates; C2PA 2.1 §14.5 "x5chain") and the PEM private key that matches its first
 * certificate. Loaded and checked before anything is signed, each problem a clear, translated
 * message: files missing or unreadable, no certificate, a key that is not the certificate's,
 * an expired or not-yet-valid certificate, a CA certificate as the signer, a key type C2PA does
 * not allow (ES256/384/512, PS256/384/512, Ed25519: C2PA 2.1 §13.2 "Digital signatures").
 */
import { constants, createPrivateKey, sign as cryptoSign, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { keyedError } from '../../../shared/errors.js';
import { coseProtectedHeader, coseSign1, coseToBeSigned, type CoseAlg } from '../../../shared/export/cose.js';

export interface C2paSigningPaths {
  certChainPath: string;
  privateKeyPath: string;
}

export interface C2paSigner {
  alg: CoseAlg;
  /** Subject of the signing certificate (shown in Settings, written in the report). */
  subject: string;
  notAfter: string;
  /** Bytes the SDK reserves for the signature box. */
  reserveSize: number;
  /** The claim bytes -> a COSE_Sign1 of exactly reserveSize bytes. */
  signClaim(claim: Uint8Array): Uint8Array;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function problem(key: string, params: Record<string, string>, message: string): Error {
  return keyedError('INVALID_INPUT', `c2pa.errors.${key}`, params, message);
}

async function readText(path: string, what: 'chain' | 'key'): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw problem(
      what === 'chain' ? 'chainUnreadable' : 'keyUnreadable',
      { path, reason: (err as NodeJS.ErrnoException).code ?? 'error' },
      `The C2PA ${what === 'chain' ? 'certificate chain' : 'private key'} file "${path}" could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
}

function algOf(key: KeyObject, path: string): CoseAlg {
  const type = key.asymmetricKeyType;
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return 'es256';
    if (curve === 'secp384r1') return 'es384';
    if (curve === 'secp521r1') return 'es512';
  }
  if (type === 'ed25519') return 'ed25519';
  if (type === 'rsa-pss' || type === 'rsa') return 'ps256';
  throw problem(
    'keyType',
    {
      path,
      type: `${type ?? '?'}${key.asymmetricKeyDetails?.namedCurve ? ` ${key.asymmetricKeyDetails.namedCurve}` : ''}`,
    },
    `The key in "${path}" is ${type ?? 'of an unknown type'}: C2PA signs with EC P-256/P-384/P-521, RSA-PSS or Ed25519 keys.`,
  );
}

/** Reads and checks the credentials; `now` for tests of the validity window. */
export async function loadC2paSigner(paths: C2paSigningPaths, now: Date = new Date()): Promise<C2paSigner> {
  const chainPem = await readText(paths.certChainPath, 'chain');
  const keyPem = await readText(paths.privateKeyPath, 'key');
  const pems = chainPem.match(PEM_CERT) ?? [];
  if (pems.length === 0) {
    throw problem(
      'noCertificate',
      { path: paths.certChainPath },
      `"${paths.certChainPath}" holds no PEM certificate (-----BEGIN CERTIFICATE-----).`,
    );
  }
  let certs: X509Certificate[];
  try {
    certs = pems.map((p) => new X509Certificate(p));
  } catch (err) {
    throw problem(
      'badCertificate',
      { path: paths.certChainPath, reason: (err as Error).message },
      `A certificate in "${paths.certChainPath}" could not be read: ${(err as Error).message}.`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(keyPem);
  } catch (err) {
    throw problem(
      'badKey',
      { path: paths.privateKeyPath, reason: (err as Error).message },
      `"${paths.privateKeyPath}" holds no usable PEM private key (an encrypted key is not supported): ${(err as Error).message}.`,
    );
  }
  const leaf = certs[0] as X509Certificate;
  const alg = algOf(key, paths.privateKeyPath);
  if (!leaf.checkPrivateKey(key)) {
    throw problem(
      'keyMismatch',
      { key: paths.privateKeyPath, chain: paths.certChainPath },
      `The private key "${paths.privateKeyPath}" is not the key of the first certificate in "${paths.certChainPath}" (the signer's certificate must come first).`,
    );
  }
  if (leaf.ca) {
    throw problem(
      'caAsSigner',
      { path: paths.certChainPath },
      `The first certificate in "${paths.certChainPath}" is a CA certificate: C2PA needs an end-entity signing certificate first.`,
    );
  }
  if (now < new Date(leaf.validFrom) || now > new Date(leaf.validTo)) {
    throw problem(
      'expired',
      { from: leaf.validFrom, to: leaf.validTo },
      `The signing certificate is valid from ${leaf.validFrom} to ${leaf.validTo}, not now.`,
    );
  }
  const ders = certs.map((c) => new Uint8Array(c.raw));
  const protectedHeader = coseProtectedHeader(alg, ders);
  // Room for the structure, the chain and the signature (c2pa-rs cose_reserve_size: 1024 overhead).
  const reserveSize = protectedHeader.length + 1024 + 1024;
  const hash = alg === 'es384' || alg === 'ps384' ? 'sha384' : alg === 'es512' || alg === 'ps512' ? 'sha512' : 'sha256';
  return {
    alg,
    subject: leaf.subject.replace(/\n/g, ', '),
    notAfter: new Date(leaf.validTo).toISOString(),
    reserveSize,
    signClaim(claim) {
      const tbs = coseToBeSigned(protectedHeader, claim);
      // ECDSA in COSE is r||s (RFC 9053 §2.1), not DER; RSA is PSS (RFC 8230).
      const signature =
        alg === 'ed25519'
          ? cryptoSign(null, tbs, key)
          : alg.startsWith('es')
            ? cryptoSign(hash, tbs, { key, dsaEncoding: 'ieee-p1363' })
            : cryptoSign(hash, tbs, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
      return coseSign1(protectedHeader, new Uint8Array(signature), reserveSize);
    },
  };
}
