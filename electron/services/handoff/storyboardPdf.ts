/**
 * The printable storyboard: a title page, then pages of shot cells (frame, number, scene
 * heading, prompt, dialogue, duration, camera, notes) laid out for the project's aspect
 * (shared/interchange/storyboardLayout.ts), page numbers in the footer. Drawn with PDFKit (a
 * maintained PDF library: text layout with line wrapping, font subsetting, JPEG embedding)
 * rather than writing PDF operators by hand. Chinese text uses the same CJK font the animatic's
 * title cards use (generation/fonts.ts: the Simplified Chinese face of Noto Sans CJK, extracted
 * from the collection), embedded as a subset. A frame is grabbed from the middle of each shot's
 * trimmed take; a shot without a take gets an empty frame marked "no take".
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { framesToSeconds, framesToTimecode } from '../../../shared/model/time.js';
import { cutFrames, cutList, type CutShot } from '../../../shared/model/timeline.js';
import { storyboardCellLines } from '../../../shared/interchange/storyboardCell.js';
import { gridFor, PAGE, pageCount, type Cell } from '../../../shared/interchange/storyboardLayout.js';
import { resolveTitleFont } from '../generation/fonts.js';
import { grabFrame } from '../media/frames.js';
import { assetAbsPath } from '../media/import.js';
import { writeAtomic } from './writeOut.js';

const FONT = 'storyboard-cjk';

async function frameFor(doc: ProjectSnapshot, c: CutShot, dir: string, i: number): Promise<string | null> {
  if (!c.asset || !c.trim || c.asset.info.kind === 'audio') return null;
  const mid = framesToSeconds(c.trim.inFrames + Math.floor(c.trim.frames / 2), doc.project.fps);
  const out = join(dir, `shot${i}.jpg`);
  return grabFrame(assetAbsPath(doc.dir, c.asset.path), c.asset.info.kind === 'image' ? 0 : mid, out, {
    isStillImage: c.asset.info.kind === 'image',
  }).catch(() => null);
}

function drawCell(
  pdf: PDFKit.PDFDocument,
  doc: ProjectSnapshot,
  c: CutShot,
  number: number,
  cell: Cell,
  frame: string | null,
): void {
  const f = cell.frame;
  if (frame) pdf.image(frame, f.x, f.y, { fit: [f.width, f.height], align: 'center', valign: 'center' });
  else
    pdf
      .fontSize(9)
      .fillColor('#888')
      .text('no take / 无镜头素材', f.x, f.y + f.height / 2 - 5, { width: f.width, align: 'center' });
  pdf.lineWidth(0.5).strokeColor('#444').rect(f.x, f.y, f.width, f.height).stroke();
  const lines = storyboardCellLines(doc, c, number);
  let y = cell.textY;
  const bottom = cell.textY + cell.textHeight;
  for (const { text, color, size } of lines) {
    if (y >= bottom - size) break;
    pdf.font(FONT).fontSize(size).fillColor(color);
    const height = Math.min(pdf.heightOfString(text, { width: cell.width }), bottom - y);
    pdf.text(text, cell.x, y, { width: cell.width, height, ellipsis: true });
    y += height + 3;
  }
}

export async function writeStoryboardPdf(doc: ProjectSnapshot, outPath: string): Promise<string> {
  const font = await resolveTitleFont();
  const cut = cutList(doc);
  const grid = gridFor(doc.project.width, doc.project.height);
  const perPage = grid.cols * grid.rows;
  const total = 1 + (cut.length === 0 ? 0 : pageCount(cut.length, grid));
  const frames = await mkdtemp(join(tmpdir(), 'storyboard-pdf-'));
  try {
    const images: (string | null)[] = [];
    for (const [i, c] of cut.entries()) images.push(await frameFor(doc, c, frames, i));
    await writeAtomic(
      outPath,
      'file',
      (tmp) =>
        new Promise<void>((resolve, reject) => {
          // Margin 0: we place every block ourselves; a page margin would make PDFKit start a new page for the footer.
          const pdf = new PDFDocument({
            size: [PAGE.width, PAGE.height],
            margin: 0,
            autoFirstPage: false,
            info: { Title: doc.project.name, Creator: 'Storyboard' },
          });
          const stream = createWriteStream(tmp);
          stream.on('finish', resolve);
          stream.on('error', reject);
          pdf.on('error', reject);
          pdf.pipe(stream);
          pdf.registerFont(FONT, font.file);
          const footer = (n: number): void => {
            pdf
              .font(FONT)
              .fontSize(8)
              .fillColor('#666')
              .text(`${doc.project.name}  —  ${n} / ${total}`, PAGE.margin, PAGE.height - PAGE.margin - 8, {
                width: PAGE.width - 2 * PAGE.margin,
                align: 'right',
                lineBreak: false,
              });
          };
          pdf.addPage();
          const p = doc.project;
          const length = framesToTimecode(cutFrames(cut), p.fps);
          pdf
            .font(FONT)
            .fontSize(30)
            .fillColor('#000')
            .text(p.name, PAGE.margin, 180, { width: PAGE.width - 2 * PAGE.margin, align: 'center' });
          pdf
            .fontSize(12)
            .fillColor('#333')
            .moveDown(1)
            .text(
              `${p.aspect}  ·  ${p.width}×${p.height}  ·  ${(p.fps.num / p.fps.den).toFixed(3).replace(/\.?0+$/, '')} fps`,
              { align: 'center' },
            )
            .text(`${cut.length} shots / 镜头  ·  ${length}`, { align: 'center' });
          if (p.stylePrompt.trim())
            pdf.moveDown(1).fontSize(10).fillColor('#555').text(p.stylePrompt.trim(), { align: 'center' });
          footer(1);
          cut.forEach((c, i) => {
            const slot = i % perPage;
            if (slot === 0) {
              pdf.addPage();
              footer(2 + Math.floor(i / perPage));
            }
            const cell = grid.cells[slot];
            if (cell) drawCell(pdf, doc, c, i + 1, cell, images[i] ?? null);
          });
          pdf.end();
        }),
    );
  } finally {
    await rm(frames, { recursive: true, force: true });
  }
  return outPath;
}
