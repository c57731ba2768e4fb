/** Pure helpers of the storyboard grid: scene groups and where a drop lands. */
import type { Scene } from '../../../shared/model/entities';

export interface SceneGroup {
  /** Key for React: the scene id, plus the run's first shot (a scene may appear in two runs). */
  key: string;
  scene: Scene | null;
  shotIds: string[];
  /** Index in the cut of the group's first shot. */
  startIndex: number;
}

/**
 * The cut order is the truth; a scene heading starts every run of consecutive shots of one
 * scene. Scenes without shots come last, so they can still be renamed, filled or removed.
 */
export function groupByScene(
  shots: readonly { id: string; sceneId: string | null }[],
  scenes: readonly Scene[],
): SceneGroup[] {
  const byId = new Map(scenes.map((s) => [s.id, s]));
  const groups: SceneGroup[] = [];
  shots.forEach((shot, i) => {
    const last = groups[groups.length - 1];
    const sceneId = shot.sceneId !== null && byId.has(shot.sceneId) ? shot.sceneId : null;
    if (last && (last.scene?.id ?? null) === sceneId) last.shotIds.push(shot.id);
    else
      groups.push({
        key: `${sceneId ?? 'none'}:${shot.id}`,
        scene: sceneId ? byId.get(sceneId)! : null,
        shotIds: [shot.id],
        startIndex: i,
      });
  });
  const used = new Set(groups.map((g) => g.scene?.id));
  for (const scene of [...scenes].sort((a, b) => a.position - b.position)) {
    if (!used.has(scene.id)) groups.push({ key: `${scene.id}:empty`, scene, shotIds: [], startIndex: shots.length });
  }
  return groups;
}

/**
 * A drop between cards: `insertAt` is a gap in the full order (0..n). The contract's toIndex
 * counts the shots that stay, so the moved block's first shot lands at that index.
 */
export function dropIndex(order: readonly string[], moving: readonly string[], insertAt: number): number {
  const set = new Set(moving);
  return order.slice(0, Math.max(0, insertAt)).filter((id) => !set.has(id)).length;
}

/** Alt+Arrow: the toIndex that moves the block one place earlier or later. */
export function nudgeIndex(order: readonly string[], moving: readonly string[], dir: -1 | 1): number | null {
  const set = new Set(moving);
  const first = order.findIndex((id) => set.has(id));
  if (first < 0) return null;
  const rest = order.filter((id) => !set.has(id));
  const at = order.slice(0, first).filter((id) => !set.has(id)).length + dir;
  return at < 0 || at > rest.length ? null : at;
}
