import { describe, expect, it } from "vitest";
import type { SeatImportSummary } from "../../ipc/importTypes";
import { fileNameOf, newPartnershipsWords, refusedHeading, seatRefusal, seatSummaryWords, seatUndoneWords } from "./seats";

const summary: SeatImportSummary = {
  import_id: 1,
  rows: 4,
  partnerships_created: ["Ordsall Residents Panel"],
  seats_created: 3,
  seats_updated: 1,
  people_created: 2,
  appointments_created: 2,
  appointments_already_recorded: 0,
};

describe("seatRefusal", () => {
  it("puts each row's problem in the table by row, column and reason", () => {
    const r = seatRefusal({
      code: "invalid",
      message: "There are 2 problems to fix before saving.",
      fields: [
        { field: "term_end", message: "row 3, column term_end: the term cannot end (31 January 2026) before it starts (1 June 2026)" },
        { field: "holder_group", message: 'row 12, column holder_group: no group called "X: Y" (or with that number) is in the directory' },
      ],
    });
    expect(r).toEqual({
      rows: [
        { row: 3, column: "term_end", reason: "the term cannot end (31 January 2026) before it starts (1 June 2026)" },
        { row: 12, column: "holder_group", reason: 'no group called "X: Y" (or with that number) is in the directory' },
      ],
      file: "",
    });
  });
  it("puts a file with nothing to read, or a path with no file, beside the path", () => {
    expect(seatRefusal({ code: "invalid", message: "seats.csv is empty: it has no column names and no rows.", fields: [] })).toEqual({
      rows: [],
      file: "seats.csv is empty: it has no column names and no rows.",
    });
    expect(
      seatRefusal({ code: "invalid", message: "x", fields: [{ field: "path", message: "could not read the file to import /tmp/nope.csv: there is no such file or folder" }] }),
    ).toEqual({ rows: [], file: "could not read the file to import /tmp/nope.csv: there is no such file or folder" });
    expect(seatRefusal("the window closed")).toEqual({ rows: [], file: "the window closed" });
  });
});

describe("the seats import's words", () => {
  it("says what was saved, and \"no\" for what was not", () => {
    expect(seatSummaryWords("ordsall.csv", summary)).toBe(
      "ordsall.csv imported: 4 rows, 3 seats added and 1 seat updated, 2 people added, 2 appointments added.",
    );
    expect(seatSummaryWords("again.csv", { ...summary, rows: 1, seats_created: 0, seats_updated: 0, people_created: 0, appointments_created: 0, appointments_already_recorded: 1 })).toBe(
      "again.csv imported: 1 row, no seats added and no seats updated, no people added, no appointments added and 1 appointment already recorded.",
    );
  });
  it("names the partnerships made as forums, to be corrected, and says nothing when there are none", () => {
    expect(newPartnershipsWords(summary)).toBe(
      "A new partnership was made as a forum: Ordsall Residents Panel. Open it under Partnerships and choose Edit partnership to set its kind, convening body and meeting pattern.",
    );
    expect(newPartnershipsWords({ ...summary, partnerships_created: ["A", "B"] })).toMatch(/^2 new partnerships were made as forums: A, B\. Open each /);
    expect(newPartnershipsWords({ ...summary, partnerships_created: [] })).toBe("");
  });
  it("names the file from its path and counts the problems", () => {
    expect(fileNameOf(" /home/ann/Seats April.csv ")).toBe("Seats April.csv");
    expect(fileNameOf("C:\\Users\\ann\\seats.csv")).toBe("seats.csv");
    expect(refusedHeading("seats.csv", 1)).toBe("seats.csv was not imported: 1 problem");
  });
});

describe("a seats file that changed nothing", () => {
  it("says so, and that there is nothing to undo", () => {
    const s = { ...summary, import_id: null, rows: 3, appointments_already_recorded: 2 };
    expect(seatSummaryWords("panel.csv", s)).toBe(
      "Nothing changed: every row of panel.csv is already recorded (3 rows, 2 appointments already recorded). No import was recorded, so there is nothing to undo.",
    );
  });
});

describe("seatUndoneWords", () => {
  it("names the file and says what the undo took away, as the core words it", () => {
    const u = { partnerships_removed: 1, seats_removed: 3, seats_restored: 1, people_removed: 2, appointments_removed: 2, words: "1 partnership, 3 seats, 2 people and 2 appointments removed; 1 seat put back as it was" };
    expect(seatUndoneWords("ordsall.csv", u)).toBe(
      "The import of ordsall.csv was undone: 1 partnership, 3 seats, 2 people and 2 appointments removed; 1 seat put back as it was.",
    );
  });
});
