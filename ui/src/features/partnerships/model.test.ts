import { describe, expect, it } from "vitest";
import type { Holder, SeatRow } from "../../ipc/types";
import { fieldId, formProblems, inPost, isoDate, registerOf } from "./model";

const holder = (id: number, person: string, term_end: string | null): Holder => ({
  appointment_id: id, person_id: id, person, group_id: null, group: null, group_class: null,
  term_start: "2025-01-01", term_end, selection: "open_election", openly_selected: true,
});
const seat = (id: number, h: Holder | null, a: Holder | null = null): SeatRow => ({ id, label: `Seat ${id}`, sector: "vcse", constituency: "", wards: [], categories: [], holder: h, alternate: a, flags: [] });

describe("partnership model", () => {
  it("reads typed dates as ISO, leaving what is not a date for Rust to refuse", () => {
    expect(isoDate(" 2026-03-14 ")).toBe("2026-03-14");
    expect(isoDate("14/3/2026")).toBe("2026-03-14");
    expect(isoDate("")).toBeNull();
    expect(isoDate("next week")).toBe("next week");
  });

  it("counts a holder in post through the last day of the term, and not after", () => {
    const h = holder(1, "Ann", "2026-03-14");
    expect(inPost(h, "2026-03-14")).toBe(h);
    expect(inPost(h, "2026-03-15")).toBeNull();
    expect(inPost(holder(2, "Bo", null), "2099-01-01")?.person).toBe("Bo");
    expect(inPost(null, "2026-01-01")).toBeNull();
  });

  it("lists holders and alternates in post on the meeting's register", () => {
    const seats = [seat(1, holder(1, "Ann", null), holder(2, "Bo", null)), seat(2, holder(3, "Cy", "2020-01-01")), seat(3, null)];
    expect(registerOf(seats, "2026-01-01").map((r) => [r.person, r.role])).toEqual([["Ann", "holder"], ["Bo", "alternate"]]);
  });

  it("puts each refused field beside its input, first message only", () => {
    expect(fieldId("pf", "settings.report_back_days", ["report_back_days"])).toBe("pf-report-back-days");
    expect(fieldId("seat", "ward_ids[3]", ["ward_ids"])).toBe("seat-ward-ids");
    expect(fieldId("seat", "position", ["label"])).toBeNull();
    const { byId, items } = formProblems("pf", [
      { field: "name", message: "enter the partnership's name" },
      { field: "name", message: "second" },
      { field: "storage", message: "Disk full" },
    ], ["name"]);
    expect(byId).toEqual({ "pf-name": "Enter the partnership's name" });
    expect(items).toEqual([{ id: "pf-name", message: "Enter the partnership's name" }, { id: null, message: "Disk full" }]);
  });

  it("lists the summary's problems in the order of the form's fields, not of Rust's checks", () => {
    // The Appoint form with nothing in it and the term start cleared, as Rust refuses it.
    const known = ["new_person", "group_id", "term_start", "term_end", "selection"];
    const { items } = formProblems("appoint", [
      { field: "term_start", message: "Enter a date" },
      { field: "storage", message: "Disk full" },
      { field: "selection", message: "Choose how they were selected" },
      { field: "new_person", message: "Choose a person or enter a new person's name" },
      { field: "group_id", message: "That group is no longer in the directory" },
    ], known);
    expect(items.map((i) => i.id)).toEqual(["appoint-new-person", "appoint-group-id", "appoint-term-start", "appoint-selection", null]);
  });
});

describe("thresholds", () => {
  it("takes only whole numbers", async () => {
    const { wholeNumber } = await import("./model");
    expect(wholeNumber(" 90 ")).toBe(90);
    expect(wholeNumber(12)).toBe(12);
    expect(wholeNumber("9.5")).toBeNull();
    expect(wholeNumber("")).toBeNull();
  });
});
