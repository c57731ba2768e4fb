/**
 * A separate process running one multi-deliverable export over a JSON-file store, so a test
 * can kill it with -9 mid-run. Bundled by deliveryCrash.test.ts with esbuild.
 * argv: <store.json> <outDir> <cacheDir> <fontFile> [preset ids, comma-separated] [quality]
 */
import { runDelivery } from '../../../../electron/services/export/deliveryRun.js';
import { SegmentCache } from '../../../../electron/services/export/segmentCache.js';
import { findPreset, type Deliverable } from '../../../../shared/export/deliverable.js';
import { FakeExportStore } from '../fakeStore.js';

const [storeFile, outDir, cacheDir, fontFile, presetIds, quality] = process.argv.slice(2);
if (!storeFile || !outDir || !cacheDir)
  throw new Error('usage: deliveryChild <store.json> <outDir> <cacheDir> [fontFile]');
const ids = (presetIds ?? 'douyin-tiktok,instagram-1x1,broadcast-master').split(',');
const deliverables = ids.map((id) => findPreset(id)).filter((d): d is Deliverable => d !== null);
runDelivery(FakeExportStore.load(storeFile), new SegmentCache(cacheDir), {
  deliverables,
  out: outDir,
  quality: quality === 'draft' ? 'draft' : 'high',
  fontFile: fontFile || null,
  onProgress: (p) =>
    process.stdout.write(`${JSON.stringify({ state: p.state, progress: p.deliverables.map((d) => d.progress) })}\n`),
}).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
