import { describe, expect, it } from "vitest";
import type { GroupRow } from "../../ipc/types";
import { emptyInput, filterRows, formatDate, inputId, problemsById, sortRows } from "./model";

const row = (id: number, name: string, last_checked: string | null, cls: GroupRow["class"] = "community"): GroupRow => ({
  id, name, ward: null, postcode: "", class: cls, status: "active", faith: false, bme: false, last_checked,
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
  it("matches part of a name in any case", () => {
    expect(filterRows([row(1, "St John's Centre", null), row(2, "Weaste", null)], "JOHN").map((r) => r.id)).toEqual([1]);
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
