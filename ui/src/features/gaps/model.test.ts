import { describe, expect, it } from "vitest";
import { COLOURS, cellLabel, statusVars, countsWords, plural, totalGaps } from "./model";

describe("gap words", () => {
  it("gives every status a symbol and a word", () => {
    expect(cellLabel("missing")).toBe("✗ missing");
    expect(cellLabel("weak")).toBe("! weak");
    expect(cellLabel("covered")).toBe("✓ covered");
  });

  it("says the counts gaps first, and reserved seats only when there are some", () => {
    expect(countsWords({ missing: 3, weak: 1, covered: 2, reserved_vacant: 0 })).toBe("3 missing, 1 weak, 2 covered");
    expect(countsWords({ missing: 0, weak: 0, covered: 1, reserved_vacant: 2 })).toBe("0 missing, 0 weak, 1 covered, 2 reserved, vacant");
  });

  it("adds up the gaps of every row", () => {
    const c = (missing: number, weak: number) => ({ missing, weak, covered: 0, reserved_vacant: 0 });
    const m = {
      columns: [{ category_id: 1, name: "a", retired: false, totals: c(0, 0) }, { category_id: 2, name: "b", retired: false, totals: c(0, 0) }],
      rows: [{ partnership_id: 1, name: "p", cells: [], counts: c(2, 0) }, { partnership_id: 2, name: "q", cells: [], counts: c(1, 1) }],
    };
    expect(totalGaps(m)).toEqual({ missing: 3, weak: 1, cells: 4 });
  });

  it("counts in words", () => {
    expect(plural(1, "partnership")).toBe("1 partnership");
    expect(plural(1200, "ward")).toBe("1,200 wards");
  });
});

describe("status colours", () => {
  it("reach the screen as CSS variables, the same values as the picture's", () => {
    const vars = statusVars();
    for (const [status, { fill, ink }] of Object.entries(COLOURS)) {
      expect(vars).toContain(`--gap-${status}-fill: ${fill};`);
      expect(vars).toContain(`--gap-${status}-ink: ${ink};`);
    }
  });

  it("give the ink at least 7:1 contrast on its fill (WCAG AAA, so AA too)", () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const { fill, ink } of Object.values(COLOURS)) {
      const [hi, lo] = [lum(fill), lum(ink)].sort((a, b) => b - a);
      expect((hi + 0.05) / (lo + 0.05)).toBeGreaterThanOrEqual(7);
    }
  });
});
