import { describe, expect, it } from "vitest";
import type { GapCell, GapMatrix } from "../../ipc/types";
import { HEADING_W, escapeXml, matrixSvg, textWidth, wrapWords } from "./picture";

const cell = (status: GapCell["status"], reserved_vacant = false): GapCell => ({
  status, reserved_vacant, explanation: `x: ${status}`, seats: [], reserved_seat_ids: [],
});
const counts = (missing: number, weak: number, covered: number) => ({ missing, weak, covered, reserved_vacant: 0 });

const matrix: GapMatrix = {
  columns: [
    { category_id: 1, name: "Young people", retired: false, totals: counts(1, 0, 1) },
    { category_id: 2, name: "Carers & families", retired: true, totals: counts(0, 1, 1) },
  ],
  rows: [
    { partnership_id: 10, name: "Ordsall <Forum>", cells: [cell("missing", true), cell("weak")], counts: counts(1, 1, 0) },
    { partnership_id: 11, name: "Health Board", cells: [cell("covered"), cell("covered")], counts: counts(0, 0, 2) },
  ],
};

/** Each <text> element's words, its lines (tspans) joined by spaces. */
const textsOf = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((t) => t[1].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());

describe("matrixSvg", () => {
  const svg = matrixSvg(matrix, "Representation gaps on 23 November 2026");

  it("is one SVG document whose elements all close", () => {
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trim().endsWith("</svg>")).toBe(true);
    // Every opening tag is closed, in order (no DOM here, so a small stack does the check).
    const stack: string[] = [];
    for (const [, close, name, self] of svg.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
      if (close) expect(stack.pop()).toBe(name);
      else if (!self) stack.push(name);
    }
    expect(stack).toEqual([]);
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it("writes a symbol and a word in every cell, so it reads without colour", () => {
    expect(svg).toContain("✗ missing ◇");
    expect(svg).toContain("! weak");
    expect((svg.match(/✓ covered<\/text>/g) ?? []).length).toBe(2);
  });

  it("escapes names and marks retired categories", () => {
    expect(svg).toContain("Ordsall &lt;Forum&gt;");
    expect(svg).not.toContain("<Forum>");
    expect(textsOf(svg)).toContain("Carers &amp; families (retired)");
  });

  it("has a row per partnership, the row totals, the column totals and a legend", () => {
    expect(svg).toContain("1 missing, 1 weak");
    expect(svg).toContain("0 missing, 0 weak");
    expect(svg).toContain("1 ✗  0 !");
    // The bottom row counts both, and says so.
    expect(svg).toContain("Missing (✗) and weak (!) in each column");
    expect(svg).not.toContain("Missing in each column");
    expect(svg).toContain("◇ reserved, vacant: a vacant seat is reserved");
    expect(svg).toContain("<title>Representation gaps on 23 November 2026</title>");
  });

  it("grows with the matrix", () => {
    const one = matrixSvg({ columns: matrix.columns, rows: matrix.rows.slice(0, 1) }, "t");
    const h = (s: string) => Number(/height="(\d+)"/.exec(s)![1]);
    expect(h(svg)).toBeGreaterThan(h(one));
  });
});

describe("matrixSvg with long category names", () => {
  // The real register's longest names, which the picture used to cut to "People with physical di…".
  const names = [
    "People with physical disabilities",
    "People with physical health conditions",
    "People with low educational attainment and skill level",
    "Lesbian, gay, bisexual and transgender people",
    "People living in a poor or low status neighbourhood",
  ];
  const long: GapMatrix = {
    columns: names.map((name, i) => ({ category_id: i + 1, name, retired: i === 4, totals: counts(1, 0, 0) })),
    rows: [{
      partnership_id: 1, name: "Salford Children, Young People and Families Strategic Partnership Board",
      cells: names.map(() => cell("missing")), counts: counts(names.length, 0, 0),
    }],
  };
  const svg = matrixSvg(long, "t");
  const texts = textsOf(svg);

  it("shows every category's whole name, and nothing cut short", () => {
    for (const name of names.slice(0, 4)) expect(texts).toContain(name);
    expect(texts).toContain("People living in a poor or low status neighbourhood (retired)");
    expect(texts).toContain(long.rows[0].name);
    expect(svg).not.toContain("…");
  });

  it("wraps each name within its column, the heading as tall as the longest needs", () => {
    for (const name of names) {
      const lines = wrapWords(name, HEADING_W);
      expect(lines.join(" ")).toBe(name);
      for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(HEADING_W);
      expect(lines.length).toBeLessThanOrEqual(4);
    }
    // The table starts below the tallest heading: its first row's cells are lower than every line.
    const lineYs = [...svg.matchAll(/<tspan x="[\d.]+" y="(\d+)"/g)].map((m) => Number(m[1]));
    const firstCell = Number(/<rect x="[\d.]+" y="(\d+)" width="118"/.exec(svg)![1]);
    expect(Math.min(...lineYs)).toBeGreaterThan(40);
    for (const y of lineYs) expect(y).toBeLessThan(firstCell);
  });

  it("splits a word too long for a line rather than cut it", () => {
    expect(wrapWords("Supercalifragilisticexpialidocious people", 60).join("").replace(/-/g, "")).toBe("Supercalifragilisticexpialidociouspeople");
    for (const line of wrapWords("Supercalifragilisticexpialidocious", 60)) expect(textWidth(line)).toBeLessThanOrEqual(60);
    // Even a column too narrow for one letter ends, with every letter kept.
    expect(wrapWords("Wm", 1).join("")).toBe("W-m");
  });
});

describe("escapeXml", () => {
  it("escapes the five XML characters", () => {
    expect(escapeXml(`a&b<c>"d'`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
  });
});
