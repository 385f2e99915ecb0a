// The matrix as a picture (SVG) for papers and slides: the same symbols and words as the screen,
// so it reads in black and white too. A pure function; the window saves the text it returns.
import type { GapMatrix } from "../../ipc/types";
import { COLOURS, RESERVED, STATUS, STATUS_ORDER } from "./model";

const ROW_H = 34;
const NAME_W = 300;
const CELL_W = 120;
const TOTAL_W = 150;
const TOP = 56;
const LINE_H = 16;
const FONT = 13;
/** Room for a heading's line in its column, less a margin each side. */
export const HEADING_W = CELL_W - 12;

/** Text safe inside SVG markup. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** About how wide the text is in Arial at `size` px. The picture is drawn without measuring (no
 * window in a pure function), so letters are sorted into narrow, ordinary and wide and the estimate
 * errs wide: a name is wrapped a little early rather than run into the next column. */
export function textWidth(s: string, size = FONT): number {
  let em = 0;
  for (const ch of s) {
    if (/[ijlft.,;:'!|()\s]/.test(ch) || ch === "I" || ch === "r") em += 0.32;
    else if (/[mwMW@]/.test(ch)) em += 0.9;
    else if (/[A-Z&%]/.test(ch)) em += 0.72;
    else em += 0.58;
  }
  return em * size;
}

/** The words in lines no wider than `width`; a word too long for a line on its own is split, so
 * nothing is ever cut off. */
export function wrapWords(s: string, width: number, size = FONT): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of s.split(/\s+/).filter(Boolean)) {
    while (word.length > 1 && textWidth(word, size) > width) {
      let n = word.length - 1;
      while (n > 1 && textWidth(`${word.slice(0, n)}-`, size) > width) n--;
      if (line) lines.push(line);
      lines.push(`${word.slice(0, n)}-`);
      line = "";
      word = word.slice(n);
    }
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The whole matrix as a standalone SVG document: title, column headings (each category's whole
 * name, wrapped over as many lines as it needs), one row per partnership with a symbol and a word in
 * each cell, row totals, column totals and a legend. */
export function matrixSvg(m: GapMatrix, title: string): string {
  const cols = m.columns.length;
  const headings = m.columns.map((c) => wrapWords(c.name + (c.retired ? " (retired)" : ""), HEADING_W));
  const headH = Math.max(1, ...headings.map((h) => h.length)) * LINE_H + 16;
  // The partnerships' column is as wide as the longest name, so no name is cut short either.
  const nameW = Math.ceil(Math.max(NAME_W, ...m.rows.map((r) => textWidth(r.name) + 30)));
  const width = nameW + cols * CELL_W + TOTAL_W + 20;
  const tableTop = TOP + headH;
  const legendTop = tableTop + (m.rows.length + 1) * ROW_H + 24;
  const height = legendTop + 4 * 22 + 20;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif" font-size="13">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="30" font-size="20" font-weight="bold" fill="#0b0c0c">${escapeXml(title)}</text>`,
  );
  headings.forEach((lines, i) => {
    // Lines stand on the table, the last just above it, so short names sit by their cells.
    const x = nameW + i * CELL_W + 6;
    const y = tableTop - 8 - (lines.length - 1) * LINE_H;
    const spans = lines.map((l, k) => `<tspan x="${x}" ${k === 0 ? `y="${y}"` : `dy="${LINE_H}"`}>${escapeXml(l)}</tspan>`);
    out.push(`<text fill="#0b0c0c">${spans.join("")}</text>`);
  });
  out.push(`<text x="${nameW + cols * CELL_W + 8}" y="${tableTop - 8}" font-weight="bold" fill="#0b0c0c">Gaps</text>`);
  m.rows.forEach((r, ri) => {
    const y = tableTop + ri * ROW_H;
    out.push(`<text x="10" y="${y + ROW_H / 2 + 5}" fill="#0b0c0c">${escapeXml(r.name)}</text>`);
    r.cells.forEach((cell, ci) => {
      const x = nameW + ci * CELL_W;
      const look = STATUS[cell.status];
      out.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${ROW_H - 2}" fill="${COLOURS[cell.status].fill}" stroke="#b1b4b6"/>`,
        `<text x="${x + 8}" y="${y + ROW_H / 2 + 5}" fill="${COLOURS[cell.status].ink}">${look.symbol} ${look.word}${cell.reserved_vacant ? ` ${RESERVED.symbol}` : ""}</text>`,
      );
    });
    out.push(
      `<text x="${nameW + cols * CELL_W + 8}" y="${y + ROW_H / 2 + 5}" fill="#0b0c0c">${r.counts.missing} missing, ${r.counts.weak} weak</text>`,
    );
  });
  const fy = tableTop + m.rows.length * ROW_H;
  out.push(`<text x="10" y="${fy + ROW_H / 2 + 5}" font-weight="bold" fill="#0b0c0c">Missing (✗) and weak (!) in each column</text>`);
  m.columns.forEach((c, i) => {
    out.push(`<text x="${nameW + i * CELL_W + 8}" y="${fy + ROW_H / 2 + 5}" font-weight="bold" fill="#0b0c0c">${c.totals.missing} ✗  ${c.totals.weak} !</text>`);
  });
  const legend = [
    ...STATUS_ORDER.map((s) => `${STATUS[s].symbol} ${STATUS[s].word}: ${STATUS[s].meaning}`),
    `${RESERVED.symbol} ${RESERVED.word}: ${RESERVED.meaning}`,
  ];
  legend.forEach((line, i) => out.push(`<text x="10" y="${legendTop + i * 22}" fill="#0b0c0c">${escapeXml(line)}</text>`));
  out.push("</svg>");
  return out.join("\n");
}
