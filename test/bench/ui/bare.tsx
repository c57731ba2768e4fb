/**
 * The UI-1 baseline: a bare Konva stage (no React, no store, no culling logic) holding the
 * same number of nodes as our stage, laid out as clips on a lane. Panning moves one group;
 * zooming recomputes every node's x and width, as any timeline must.
 */
import Konva from 'konva';

export interface Bare {
  pan(dxPx: number): void;
  zoom(factor: number): void;
  destroy(): void;
}

export function bareStage(container: HTMLDivElement, width: number, height: number, nodes: number): Bare {
  const stage = new Konva.Stage({ container, width, height });
  const bg = new Konva.Layer({ listening: false });
  bg.add(new Konva.Rect({ width, height, fill: '#0f1115' }));
  const layer = new Konva.Layer({ listening: false });
  const overlay = new Konva.Layer({ listening: false });
  overlay.add(new Konva.Line({ points: [300, 0, 300, height], stroke: '#f0616d' }));
  const group = new Konva.Group({ x: 88 });
  layer.add(group);
  const perClip = 5;
  const clips = Math.max(1, Math.ceil(nodes / perClip));
  let px = width / clips;
  const items: { g: Konva.Group; parts: Konva.Shape[] }[] = [];
  for (let i = 0; i < clips; i++) {
    const g = new Konva.Group({ x: i * px, y: 34 });
    const parts: Konva.Shape[] = [
      new Konva.Rect({ width: px - 1, height: 84, fill: '#1f2530', cornerRadius: 4, perfectDrawEnabled: false }),
      new Konva.Text({
        x: 6,
        y: 65,
        text: `Shot ${i + 1}: the lake at dawn`,
        fontSize: 12,
        fill: '#e6e9ef',
        wrap: 'none',
        ellipsis: true,
        width: Math.max(0, px - 52),
      }),
      new Konva.Text({ x: px - 46, y: 65, text: '4.0 s', fontSize: 11, fill: '#9aa3b2', width: 40, align: 'right' }),
      new Konva.Text({ x: 8, y: 6, text: 'Generated', fontSize: 10, fill: '#3fbf7f' }),
      new Konva.Rect({
        width: px - 1,
        height: 84,
        stroke: '#2a313d',
        strokeWidth: 1,
        cornerRadius: 4,
        perfectDrawEnabled: false,
      }),
    ];
    g.add(...parts);
    group.add(g);
    items.push({ g, parts });
  }
  stage.add(bg, layer, overlay);
  return {
    pan(dx) {
      group.x(group.x() - dx);
    },
    zoom(factor) {
      px *= factor;
      items.forEach(({ g, parts }, i) => {
        g.x(i * px);
        (parts[0] as Konva.Rect).width(px - 1);
        (parts[1] as Konva.Text).width(Math.max(0, px - 52));
        (parts[2] as Konva.Text).x(px - 46);
        (parts[4] as Konva.Rect).width(px - 1);
      });
    },
    destroy: () => stage.destroy(),
  };
}
