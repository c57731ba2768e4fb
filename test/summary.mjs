// Prints one closing line over every test layer ("N passed, N failed, N skipped") from the
// JSON reports the test scripts write into test-reports/. Exits 1 if a report is missing.
import { existsSync, readFileSync } from 'node:fs';

const layers = [
  ['unit', 'test-reports/unit.json', 'vitest'],
  ['integration', 'test-reports/integration.json', 'vitest'],
  ['e2e', 'test-reports/e2e.json', 'playwright'],
];
let passed = 0;
let failed = 0;
let skipped = 0;
let missing = false;
for (const [name, file, kind] of layers) {
  if (!existsSync(file)) {
    console.log(`${name}: no report at ${file}`);
    missing = true;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const counts =
    kind === 'vitest'
      ? { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) }
      : { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(missing || failed > 0 ? 1 : 0);
