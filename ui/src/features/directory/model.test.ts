import { describe, expect, it } from "vitest";
import type { GroupRow } from "../../ipc/types";
import { NO_FILTERS, emptyInput, toInput, filterRows, formatDate, inputId, isStale, monthsBefore, problemsById, sortRows } from "./model";

const row = (id: number, name: string, last_checked: string | null, cls: GroupRow["class"] = "community", extra: Partial<GroupRow> = {}): GroupRow => ({
  id, name, ward_id: null, ward: null, postcode: "", class: cls, status: "active", faith: false, bme: false, last_checked, served_category_ids: [], ...extra,
});

describe("sortRows", () => {
  const rows = [row(1, "Weaste Residents", "2025-01-02"), row(2, "ordsall Tenants", null), row(3, "Irlam Youth", "2024-06-01", "voluntary")];
  it("sorts names without regard to case", () => {
    expect(sortRows(rows, "name", true).map((r) => r.id)).toEqual([3, 2, 1]);
    expect(sortRows(rows, "name", false).map((r) => r.id)).toEqual([1, 2, 3]);
  });
  it("puts never-checked groups last in both directions", () => {
    expect(sortRows(rows, "last_checked", true).map((r) => r.id)).toEqual([3, 1, 2]);
    expect(sortRows(rows, "last_checked", false).map((r) => r.id)).toEqual([1, 3, 2]);
  });
  it("sorts classes by their words", () => {
    expect(sortRows(rows, "class", true)[0].id).not.toBe(3);
  });
});

describe("filterRows", () => {
  const today = "2026-11-23";
  const rows = [
    row(1, "St John's Centre", "2026-10-01", "community", { faith: true, ward_id: 5, served_category_ids: [16] }),
    row(2, "Weaste Advice", "2025-11-23", "voluntary", { bme: true, ward_id: 5, served_category_ids: [4, 9] }),
    row(3, "Irlam Closed Club", null, "mixed", { status: "closed", ward_id: 7 }),
  ];
  const ids = (f: Partial<typeof NO_FILTERS>) => filterRows(rows, { ...NO_FILTERS, ...f }, today, 12).map((r) => r.id);
  it("matches part of a name in any case", () => {
    expect(ids({ text: "JOHN" })).toEqual([1]);
  });
  it("combines filters", () => {
    expect(ids({})).toEqual([1, 2, 3]);
    expect(ids({ wardId: 5 })).toEqual([1, 2]);
    expect(ids({ wardId: 5, faith: "no" })).toEqual([2]);
    expect(ids({ categoryId: 4, class: "voluntary" })).toEqual([2]);
    expect(ids({ categoryId: 4, class: "community" })).toEqual([]);
    expect(ids({ bme: "yes" })).toEqual([2]);
    expect(ids({ status: "closed" })).toEqual([3]);
  });
  it("counts an entry checked exactly 12 months ago as needing a check, but not a closed one", () => {
    expect(ids({ staleOnly: true })).toEqual([2]);
    expect(isStale(rows[2], today, 12)).toBe(false);
  });
  it("steps back whole months, clamping to the month's end", () => {
    expect(monthsBefore("2026-11-23", 12)).toBe("2025-11-23");
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-02-28");
    expect(monthsBefore("2026-01-15", 1)).toBe("2025-12-15");
  });
});

describe("field problems", () => {
  it("maps Rust's field names to the form's input ids", () => {
    expect(inputId("postcode")).toBe("group-postcode");
    expect(inputId("class_override_reason")).toBe("group-class-override-reason");
    expect(inputId("identifiers[1].value")).toBe("identifier-1-value");
    expect(inputId("features[2].evidence")).toBe("feature-3-evidence");
  });
  it("keeps the first message per input", () => {
    expect(problemsById([{ field: "name", message: "a" }, { field: "name", message: "b" }])).toEqual({ "group-name": "a" });
  });
});

describe("toInput", () => {
  it("copies a group's editable fields, even from a proxy, without sharing lists", () => {
    const g = { ...emptyInput(), id: 7, name: "Kersal Knitters", other_names: ["KK"], suggestion: {}, history: [] } as never;
    const proxied = new Proxy(g, {});
    const input = toInput(proxied);
    expect(input.id).toBe(7);
    expect(input.other_names).toEqual(["KK"]);
    expect("history" in input).toBe(false);
    input.other_names.push("changed");
    expect((g as { other_names: string[] }).other_names).toEqual(["KK"]);
  });
});

describe("emptyInput", () => {
  it("has the eight features unanswered", () => {
    const i = emptyInput();
    expect(i.features.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(i.features.every((f) => f.side === null)).toBe(true);
  });
});

describe("formatDate", () => {
  it("writes dates in words", () => {
    expect(formatDate("2026-03-14")).toBe("14 March 2026");
    expect(formatDate(null)).toBe("Never");
  });
});
