import { describe, expect, it } from "vitest";
import type { Attended, Holder, RegisterEntry } from "../../ipc/types";
import { allProblems, carryMarks, fieldId, formProblems, inPost, isoDate, openByDefault, readThresholds } from "./model";

const holder = (id: number, person: string, term_end: string | null): Holder => ({
  appointment_id: id, person_id: id, person, group_id: null, group: null, group_shown_name: null, group_class: null,
  term_start: "2025-01-01", term_end, selection: "open_election", openly_selected: true,
});

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

  it("keeps the marks the user set for people still listed when the register's date changes", () => {
    const entry = (id: number, recorded: Attended | null = null): RegisterEntry => ({ appointment_id: id, person: `P${id}`, seat: "S", role: "holder", recorded });
    // Ann (1) was marked absent by hand; Bo (2) was left present; Cy (3) has gone; Di (4) is new,
    // and Bo's meeting that day is already recorded as apologies.
    const marks = carryMarks([entry(1), entry(2, "apologies"), entry(4)], { 1: "absent", 2: "present", 3: "absent" }, new Set([1, 3]));
    expect(marks).toEqual({ 1: "absent", 2: "apologies", 4: "present" });
  });

  it("ticks 'open and transparent' by default only for an open election or nomination", () => {
    expect(openByDefault("open_election")).toBe(true);
    expect(openByDefault("open_nomination")).toBe(true);
    for (const s of ["appointed", "co_opted", "invited"] as const) expect(openByDefault(s)).toBe(false);
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

describe("the partnership form's problems", () => {
  it("lists every problem in one round: a threshold that is not a number beside the core's others", () => {
    const typed = { report_back_days: "ninety", term_ending_days: "60", declaration_months: "0", attendance_meetings: "6", attendance_min_percent: "150", over_consulted_partnerships: "3" };
    const labels = Object.fromEntries(Object.keys(typed).map((k) => [k, k])) as Record<keyof typeof typed, string>;
    const { settings, bad } = readThresholds(typed, labels);
    expect(bad).toEqual([{ field: "settings.report_back_days", message: "report_back_days: enter a whole number" }]);
    expect(settings.report_back_days).toBe(90);
    expect(settings.declaration_months).toBe(0);
    // What the core says of the rest (and of the default put in place of "ninety", left out).
    const core = [
      { field: "name", message: "Enter the partnership's name" },
      { field: "settings.report_back_days", message: "about the default" },
      { field: "settings.declaration_months", message: "Enter a number of months from 1 to 60 (not 0)" },
      { field: "settings.attendance_min_percent", message: "Enter a percentage from 0 to 100 (not 150)" },
    ];
    expect(allProblems(bad, core).map((p) => p.field)).toEqual(["settings.report_back_days", "name", "settings.declaration_months", "settings.attendance_min_percent"]);
  });
});
