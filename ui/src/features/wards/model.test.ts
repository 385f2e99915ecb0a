import { describe, expect, it } from "vitest";
import type { Ward } from "../../ipc/types";
import { byDistrict, changeWords, districtSummary, loadedWords, NO_DISTRICT, removedWords } from "./model";

const w = (id: number, name: string, district: string): Ward => ({ id, code: `E0${id}`, name, district });

describe("byDistrict", () => {
  it("groups wards by district, districts and wards alphabetical, none left out", () => {
    const wards = [
      w(1, "Walkden North", "Salford"),
      w(2, "Altrincham", "Trafford"),
      w(3, "Barton & Winton", "Salford"),
      w(4, "ashton upon Mersey", "Trafford"),
      w(5, "Bradshaw", "bolton"),
    ];
    const groups = byDistrict(wards);
    expect(groups.map((g) => g.label)).toEqual(["bolton", "Salford", "Trafford"]);
    expect(groups[1].wards.map((x) => x.name)).toEqual(["Barton & Winton", "Walkden North"]);
    expect(groups[2].wards.map((x) => x.name)).toEqual(["Altrincham", "ashton upon Mersey"]);
    expect(groups.flatMap((g) => g.wards).length).toBe(wards.length);
  });

  it("one district is one group named for it; wards without a district come last", () => {
    expect(byDistrict([w(1, "Kersal", "Salford")]).map((g) => g.label)).toEqual(["Salford"]);
    const groups = byDistrict([w(1, "Loose", ""), w(2, "Kersal", "Salford")]);
    expect(groups.map((g) => [g.district, g.label])).toEqual([["Salford", "Salford"], ["", NO_DISTRICT]]);
    expect(byDistrict([])).toEqual([]);
  });
});

describe("wards tool words", () => {
  it("says what was loaded, removed and what uses a district", () => {
    expect(loadedWords("wards.csv", "Trafford", 21, 0)).toBe("Loaded Trafford's wards from wards.csv: 21 added, 0 renamed.");
    expect(removedWords("Salford", 20)).toBe("Removed Salford's wards (20 wards).");
    expect(removedWords("", 1)).toBe("Removed the wards with no district (1 ward).");
    expect(districtSummary(20, 120, 11)).toBe("20 wards, used by 120 groups and 11 seats");
    expect(districtSummary(1, 0, 1)).toBe("1 ward, used by 1 seat");
    expect(districtSummary(21, 0, 0)).toBe("21 wards, not used");
    expect(changeWords({ action: "loaded", district: "Trafford", file: "w.csv", added: 21, renamed: 0, removed: 0 })).toBe(
      "Loaded Trafford's wards from w.csv: 21 added, 0 renamed",
    );
    expect(changeWords({ action: "removed", district: "Salford", file: "", added: 0, renamed: 0, removed: 20 })).toBe("Removed Salford's wards: 20 wards");
  });
});
