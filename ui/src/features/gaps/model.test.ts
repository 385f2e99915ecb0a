import { describe, expect, it } from "vitest";
import { cellLabel, countsWords, plural, totalGaps } from "./model";

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
