#!/usr/bin/env node
// SEC-1: Electronegativity over the sources (TypeScript is parsed directly; no build needed).
// Fails (exit 1) on any HIGH or MEDIUM finding not listed in suppressions.json with a reason,
// on a stale suppression, on a file the scanner could not parse, and on a HIGH/MEDIUM
// csp-evaluator finding for the CSP the app really sends (security/csp.ts, bundled here).
//
// Offline by design: the scanner's translation download is stubbed out, and
// AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK (downloads Electron's release list from GitHub) is
// excluded; the Electron version is kept current through npm instead (`npm outdated electron`).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);

// What ships: the Node/Electron side and the renderer, plus package.json (Electron version,
// custom command-line switches). Tests are left out: they build fake windows on purpose.
const SCANNED = ['electron', 'renderer', 'package.json'];
const FAILING = new Set(['HIGH', 'MEDIUM']);

function stubNetwork() {
  const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = scannerRequire.resolve('got');
  const offline = () => Promise.reject(new Error('network disabled for the security scan'));
  offline.head = offline;
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: { __esModule: true, default: offline },
  };
}

function stage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-electronegativity-'));
  for (const entry of SCANNED) {
    const from = path.join(root, entry);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(dir, entry), { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  }
  return dir;
}

async function scan(dir) {
  stubNetwork();
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  // The scanner prints progress and a "could not retrieve translations" line; keep them out.
  const log = console.log;
  console.log = () => {};
  try {
    return await run({
      input: dir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
  } finally {
    console.log = log;
  }
}

/** The policy string the app sends, evaluated like CSP_GLOBAL_CHECK does (csp-evaluator). */
async function evaluateCsp() {
  const out = await build({
    entryPoints: [path.join(root, 'electron/main/security/csp.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'error',
  });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  const csp = createRequire(require.resolve('@doyensec/electronegativity'))('@doyensec/csp-evaluator');
  const parsed = new csp.CspParser(mod.CONTENT_SECURITY_POLICY);
  const findings = new csp.CspEvaluator(parsed.csp, csp.Version.CSP3).evaluate();
  const names = Object.fromEntries(Object.entries(csp.severities).map(([k, v]) => [v, k]));
  return {
    policy: mod.CONTENT_SECURITY_POLICY,
    findings: findings.map((f) => ({
      severity: names[f.severity] ?? String(f.severity),
      directive: f.directive,
      value: f.value,
      description: f.description,
    })),
  };
}

function loadSuppressions() {
  const list = JSON.parse(readFileSync(path.join(here, 'suppressions.json'), 'utf8'));
  for (const s of list) {
    if (
      typeof s.id !== 'string' ||
      typeof s.file !== 'string' ||
      typeof s.reason !== 'string' ||
      s.reason.trim().length < 40
    ) {
      throw new Error(
        `suppressions.json: every entry needs id, file and a real reason (>= 40 chars): ${JSON.stringify(s)}`,
      );
    }
  }
  return list.map((s) => ({ ...s, used: 0 }));
}

const dir = stage();
let failed = false;
try {
  const result = await scan(dir);
  const suppressions = loadSuppressions();
  const rows = result.issues.map((i) => {
    const file = i.file.split(path.sep).join('/');
    const sup = suppressions.find((s) => s.id === i.id && s.file === file);
    if (sup) sup.used += 1;
    return {
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file,
      line: i.location.line,
      suppressed: Boolean(sup),
    };
  });
  console.log(
    `Electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${result.atomicChecks} atomic + ${result.globalChecks} global checks over ${SCANNED.join(', ')}`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.severity.padEnd(13)} ${r.confidence.padEnd(9)} ${r.id.padEnd(40)} ${r.file}:${r.line}${r.suppressed ? '  (suppressed, see suppressions.json)' : ''}`,
    );
  }
  const open = rows.filter((r) => FAILING.has(r.severity) && !r.suppressed);
  const count = (sev) => rows.filter((r) => r.severity === sev).length;
  console.log(
    `Findings: ${rows.length} total; HIGH ${count('HIGH')}, MEDIUM ${count('MEDIUM')}, LOW ${count('LOW')}, INFORMATIONAL ${count('INFORMATIONAL')}; unsuppressed HIGH/MEDIUM: ${open.length}`,
  );
  if (open.length > 0) failed = true;

  const hardErrors = result.errors.filter((e) => !e.tolerable);
  for (const e of hardErrors) console.log(`  PARSE ERROR ${e.file}: ${e.message}`);
  if (hardErrors.length > 0) failed = true;

  for (const s of suppressions.filter((x) => x.used === 0)) {
    console.log(`  STALE suppression (matches nothing now; remove it): ${s.id} ${s.file}`);
    failed = true;
  }

  const csp = await evaluateCsp();
  console.log(`CSP: ${csp.policy}`);
  for (const f of csp.findings)
    console.log(`  csp-evaluator ${f.severity} ${f.directive} ${f.value ?? ''}: ${f.description}`);
  if (csp.findings.some((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')) failed = true;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(failed ? 'SEC-1: FAILED' : 'SEC-1: passed');
process.exit(failed ? 1 : 0);
