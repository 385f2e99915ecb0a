import { describe, expect, it } from "vitest";
import { FLAG_LABELS, SELECTION_LABELS, constituencyLines } from "./words";

describe("partnership words", () => {
  it("names every flag the core can raise", () => {
    const kinds = ["vacant", "term_ended", "term_ending", "not_openly_selected", "no_constituency", "report_back_overdue", "no_declaration", "poor_attendance", "over_consulted_person", "over_consulted_group"];
    for (const k of kinds) expect(FLAG_LABELS[k], k).toBeTruthy();
    expect(Object.keys(SELECTION_LABELS)).toEqual(["open_election", "open_nomination", "appointed", "co_opted", "invited"]);
  });

  it("names a seat's wards and categories in words, a line each", () => {
    expect(constituencyLines({ wards: ["Swinton & Wardley", "Swinton Park", "Walkden North", "Walkden South"], categories: [] }))
      .toEqual(["Wards: Swinton & Wardley, Swinton Park, Walkden North, Walkden South"]);
    expect(constituencyLines({ wards: ["Little Hulton"], categories: ["Young people", "Lesbian, gay, bisexual and transgender people"] }))
      .toEqual(["Ward: Little Hulton", "Speaks for: Young people; Lesbian, gay, bisexual and transgender people"]);
    expect(constituencyLines({ wards: [], categories: [] })).toEqual([]);
  });
});
