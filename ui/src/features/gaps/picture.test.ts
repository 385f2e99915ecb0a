import { describe, expect, it } from "vitest";
import type { GapCell, GapMatrix } from "../../ipc/types";
import { escapeXml, matrixSvg } from "./picture";

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
    expect(svg).toContain("Carers &amp; families (retired)");
  });

  it("has a row per partnership, the row totals, the column totals and a legend", () => {
    expect(svg).toContain("1 missing, 1 weak");
    expect(svg).toContain("0 missing, 0 weak");
    expect(svg).toContain("1 ✗  0 !");
    expect(svg).toContain("◇ reserved, vacant: a vacant seat is reserved");
    expect(svg).toContain("<title>Representation gaps on 23 November 2026</title>");
  });

  it("grows with the matrix", () => {
    const one = matrixSvg({ columns: matrix.columns, rows: matrix.rows.slice(0, 1) }, "t");
    const h = (s: string) => Number(/height="(\d+)"/.exec(s)![1]);
    expect(h(svg)).toBeGreaterThan(h(one));
  });
});

describe("escapeXml", () => {
  it("escapes the five XML characters", () => {
    expect(escapeXml(`a&b<c>"d'`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
  });
});
