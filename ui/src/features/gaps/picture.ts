// The matrix as a picture (SVG) for papers and slides: the same symbols and words as the screen,
// so it reads in black and white too. A pure function; the window saves the text it returns.
import type { GapMatrix } from "../../ipc/types";
import { COLOURS, RESERVED, STATUS, STATUS_ORDER } from "./model";

const ROW_H = 34;
const HEAD_H = 120;
const NAME_W = 300;
const CELL_W = 104;
const TOTAL_W = 150;
const TOP = 56;

/** Text safe inside SVG markup. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The whole matrix as a standalone SVG document: title, column headings (turned), one row per
 * partnership with a symbol and a word in each cell, row totals, column totals and a legend. */
export function matrixSvg(m: GapMatrix, title: string): string {
  const cols = m.columns.length;
  const width = NAME_W + cols * CELL_W + TOTAL_W + 20;
  const tableTop = TOP + HEAD_H;
  const legendTop = tableTop + (m.rows.length + 1) * ROW_H + 24;
  const height = legendTop + 4 * 22 + 20;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif" font-size="13">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="30" font-size="20" font-weight="bold" fill="#0b0c0c">${escapeXml(title)}</text>`,
  );
  m.columns.forEach((c, i) => {
    const x = NAME_W + i * CELL_W + CELL_W / 2;
    const name = clip(c.name, 24) + (c.retired ? " (retired)" : "");
    out.push(`<text transform="translate(${x},${tableTop - 8}) rotate(-40)" fill="#0b0c0c">${escapeXml(name)}</text>`);
  });
  out.push(`<text x="${NAME_W + cols * CELL_W + 8}" y="${tableTop - 8}" font-weight="bold" fill="#0b0c0c">Gaps</text>`);
  m.rows.forEach((r, ri) => {
    const y = tableTop + ri * ROW_H;
    out.push(`<text x="10" y="${y + ROW_H / 2 + 5}" fill="#0b0c0c">${escapeXml(clip(r.name, 40))}</text>`);
    r.cells.forEach((cell, ci) => {
      const x = NAME_W + ci * CELL_W;
      const look = STATUS[cell.status];
      out.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${ROW_H - 2}" fill="${COLOURS[cell.status].fill}" stroke="#b1b4b6"/>`,
        `<text x="${x + 8}" y="${y + ROW_H / 2 + 5}" fill="${COLOURS[cell.status].ink}">${look.symbol} ${look.word}${cell.reserved_vacant ? ` ${RESERVED.symbol}` : ""}</text>`,
      );
    });
    out.push(
      `<text x="${NAME_W + cols * CELL_W + 8}" y="${y + ROW_H / 2 + 5}" fill="#0b0c0c">${r.counts.missing} missing, ${r.counts.weak} weak</text>`,
    );
  });
  const fy = tableTop + m.rows.length * ROW_H;
  out.push(`<text x="10" y="${fy + ROW_H / 2 + 5}" font-weight="bold" fill="#0b0c0c">Missing in each column</text>`);
  m.columns.forEach((c, i) => {
    out.push(`<text x="${NAME_W + i * CELL_W + 8}" y="${fy + ROW_H / 2 + 5}" font-weight="bold" fill="#0b0c0c">${c.totals.missing} ✗  ${c.totals.weak} !</text>`);
  });
  const legend = [
    ...STATUS_ORDER.map((s) => `${STATUS[s].symbol} ${STATUS[s].word}: ${STATUS[s].meaning}`),
    `${RESERVED.symbol} ${RESERVED.word}: ${RESERVED.meaning}`,
  ];
  legend.forEach((line, i) => out.push(`<text x="10" y="${legendTop + i * 22}" fill="#0b0c0c">${escapeXml(line)}</text>`));
  out.push("</svg>");
  return out.join("\n");
}
