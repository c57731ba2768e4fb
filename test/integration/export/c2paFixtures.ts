/** Throwaway C2PA signing credentials for tests, made with the system openssl. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A test root CA and an end-entity ES256 signer it issued (C2PA's certificate profile: EKU, KU). */
export function makeTestCredentials(dir: string): { chain: string; key: string; otherKey: string; rootOnly: string } {
  const ext = join(dir, 'ext.cnf');
  writeFileSync(
    ext,
    [
      '[ca]',
      'basicConstraints=critical,CA:TRUE',
      'keyUsage=critical,keyCertSign,cRLSign',
      'subjectKeyIdentifier=hash',
      '[leaf]',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=emailProtection',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
      '',
    ].join('\n'),
  );
  const ssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  };
  for (const k of ['ca', 'leaf', 'other'])
    ssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${k}.key`);
  ssl('req', '-new', '-key', 'ca.key', '-subj', '/CN=Storyboard Test Root/O=Test', '-out', 'ca.csr');
  ssl(
    'x509',
    '-req',
    '-in',
    'ca.csr',
    '-signkey',
    'ca.key',
    '-days',
    '2',
    '-extfile',
    ext,
    '-extensions',
    'ca',
    '-out',
    'ca.pem',
  );
  ssl('req', '-new', '-key', 'leaf.key', '-subj', '/CN=Storyboard Test Signer/O=Test', '-out', 'leaf.csr');
  ssl(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    ext,
    '-extensions',
    'leaf',
    '-out',
    'leaf.pem',
  );
  const chain = join(dir, 'chain.pem');
  writeFileSync(chain, readFileSync(join(dir, 'leaf.pem'), 'utf8') + readFileSync(join(dir, 'ca.pem'), 'utf8'));
  return { chain, key: join(dir, 'leaf.key'), otherKey: join(dir, 'other.key'), rootOnly: join(dir, 'ca.pem') };
}
