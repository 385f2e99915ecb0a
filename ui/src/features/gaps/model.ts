// Words and symbols for the Gaps screen. Every status has a symbol and a word, so a cell never
// relies on its colour alone (WCAG 1.4.1), and the same words are used on screen, in print and
// in the saved picture.
import type { CoverageStatus, GapCounts, GapMatrix } from "../../ipc/types";

export interface StatusLook { symbol: string; word: string; meaning: string }

export const STATUS: Record<CoverageStatus, StatusLook> = {
  missing: { symbol: "✗", word: "missing", meaning: "no filled seat speaks for them" },
  weak: { symbol: "!", word: "weak", meaning: "only through an alternate or an appointment with accountability problems" },
  covered: { symbol: "✓", word: "covered", meaning: "a holder with no accountability problems speaks for them" },
};
/** The order statuses are listed in: the gaps first. */
export const STATUS_ORDER: CoverageStatus[] = ["missing", "weak", "covered"];

/** The status colours: a pale fill with dark ink of its hue, contrast above 7:1 (WCAG AA, and
 * AAA too); the symbol and word carry the meaning on their own. One place for screen and picture. */
export const COLOURS: Record<CoverageStatus, { fill: string; ink: string }> = {
  missing: { fill: "#fbe3df", ink: "#8a1a0a" },
  weak: { fill: "#fff1c2", ink: "#5c4300" },
  covered: { fill: "#e3f1e8", ink: "#0a4f35" },
};

/** The colours as CSS variables for gaps.css: "--gap-missing-fill: #fbe3df; ...". */
export function statusVars(): string {
  return STATUS_ORDER.map((s) => `--gap-${s}-fill: ${COLOURS[s].fill}; --gap-${s}-ink: ${COLOURS[s].ink};`).join(" ");
}

export const RESERVED = { symbol: "◇", word: "reserved, vacant", meaning: "a vacant seat is reserved for them (it does not cover them)" };

/** "✗ missing" */
export function cellLabel(status: CoverageStatus): string {
  return `${STATUS[status].symbol} ${STATUS[status].word}`;
}

/** "3 missing, 1 weak, 2 covered" (and ", 1 reserved, vacant" when there is one). */
export function countsWords(c: GapCounts): string {
  const parts = STATUS_ORDER.map((s) => `${c[s]} ${STATUS[s].word}`);
  if (c.reserved_vacant > 0) parts.push(`${c.reserved_vacant} ${RESERVED.word}`);
  return parts.join(", ");
}

/** How many cells are gaps (missing or weak) in the whole matrix. */
export function totalGaps(m: GapMatrix): { missing: number; weak: number; cells: number } {
  let missing = 0;
  let weak = 0;
  for (const r of m.rows) {
    missing += r.counts.missing;
    weak += r.counts.weak;
  }
  return { missing, weak, cells: m.rows.length * m.columns.length };
}

/** "1 partnership" / "2 partnerships" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}
