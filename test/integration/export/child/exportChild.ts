/**
 * A separate process that runs one export against a JSON-file store, so a test can kill it
 * with -9 mid-export (quality.md MEDIA-1). Bundled by crash.test.ts with esbuild.
 * argv: <store.json> <outPath> <quality>
 */
import { runExport } from '../../../../electron/services/export/exportJob.js';
import { QualitySchema } from '../../../../shared/api/contract.js';
import { FakeExportStore } from '../fakeStore.js';

const [storeFile, outPath, quality] = process.argv.slice(2);
if (!storeFile || !outPath) throw new Error('usage: exportChild <store.json> <outPath> [quality]');
const store = FakeExportStore.load(storeFile);
runExport(store, {
  outPath,
  quality: QualitySchema.parse(quality ?? 'draft'),
  onProgress: (p) => process.stdout.write(`${JSON.stringify(p)}\n`),
}).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
