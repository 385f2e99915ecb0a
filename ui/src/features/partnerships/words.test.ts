import { describe, expect, it } from "vitest";
import { FLAG_LABELS, SELECTION_LABELS, constituencyLines, correctionWords } from "./words";

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

  // The tester's finding: an alternate's term could only be ended. Corrected, it is said to be the
  // alternate's, not taken for the holder's appointment.
  it("says whose term a correction is, the holder's or the alternate's", () => {
    expect(correctionWords("Fatima Begum", "Faith communities seat", "alternate")).toEqual({
      title: "Correct Fatima Begum's term as alternate for Faith communities seat",
      done: "Fatima Begum's term as alternate for Faith communities seat is corrected.",
    });
    expect(correctionWords("Jordan Ellis", "Community groups seat", "holder")).toEqual({
      title: "Correct Jordan Ellis's appointment to Community groups seat",
      done: "Jordan Ellis's appointment to Community groups seat is corrected.",
    });
  });
});
