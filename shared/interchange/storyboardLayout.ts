/**
 * Page layout of the PDF storyboard, in PDF points (1/72 in) on A4 landscape: a grid of shot
 * cells, each a frame at the project's aspect above its text. Landscape and square projects get
 * 3 × 2 cells a page, portrait ones (9:16, 4:5) 4 × 1, so the frames stay large. Pure.
 */
export const PAGE = { width: 841.89, height: 595.28, margin: 36, footer: 20 } as const;

export interface Cell {
  x: number;
  y: number;
  width: number;
  /** The frame box (fitted to the aspect inside the cell's top part). */
  frame: { x: number; y: number; width: number; height: number };
  /** Where the text starts and how tall it may run. */
  textY: number;
  textHeight: number;
}

export interface Grid {
  cols: number;
  rows: number;
  cells: Cell[];
}

export function gridFor(width: number, height: number): Grid {
  const portrait = height > width;
  const cols = portrait ? 4 : 3;
  const rows = portrait ? 1 : 2;
  const gap = 14;
  const areaW = PAGE.width - 2 * PAGE.margin;
  const areaH = PAGE.height - 2 * PAGE.margin - PAGE.footer;
  const cellW = (areaW - gap * (cols - 1)) / cols;
  const cellH = (areaH - gap * (rows - 1)) / rows;
  // The frame takes what the aspect needs of the cell's width, leaving at least 40% for text
  // (landscape) or 30% (portrait: tall frames, narrow cells).
  const maxFrameH = cellH * (portrait ? 0.7 : 0.6);
  const frameW = Math.min(cellW, (maxFrameH * width) / height);
  const frameH = (frameW * height) / width;
  const cells: Cell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = PAGE.margin + c * (cellW + gap);
      const y = PAGE.margin + r * (cellH + gap);
      cells.push({
        x,
        y,
        width: cellW,
        frame: { x: x + (cellW - frameW) / 2, y, width: frameW, height: frameH },
        textY: y + frameH + 6,
        textHeight: cellH - frameH - 6,
      });
    }
  }
  return { cols, rows, cells };
}

/** Pages needed for `shots` shots (the title page not counted). */
export function pageCount(shots: number, grid: Pick<Grid, 'cols' | 'rows'>): number {
  return Math.max(1, Math.ceil(shots / (grid.cols * grid.rows)));
}
