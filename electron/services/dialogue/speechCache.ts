/**
 * The speech cache: the audio made for (text, language, voice), by a sha256 key, so the same
 * words in the same voice are never requested (or paid for) twice. A service record, not part
 * of the undoable document; an entry whose asset is gone is ignored.
 */
import type { ProjectStore } from '../project/store.js';

export function cachedSpeech(store: ProjectStore, key: string): string | null {
  return store.runWrite((db) => {
    const id = db
      .prepare('SELECT c.asset_id FROM speech_cache c JOIN assets a ON a.id = c.asset_id WHERE c.key = ?')
      .pluck()
      .get(key) as string | undefined;
    return id ?? null;
  });
}

export function rememberSpeech(store: ProjectStore, key: string, assetId: string, provider: string): void {
  store.runWrite((db) => {
    db.prepare(
      'INSERT INTO speech_cache (key, asset_id, provider, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET asset_id = excluded.asset_id',
    ).run(key, assetId, provider, new Date().toISOString());
  });
}
