import { describe, expect, it } from "vitest";
import type { GroupRow } from "../../ipc/types";
import {
  NO_FILTERS,
  allFeatures,
  bmeWords,
  classWords,
  countText,
  emptyInput,
  enterpriseWords,
  filterRows,
  formatDate,
  historyKindWords,
  identifierRows,
  identifiersFrom,
  inputId,
  problemsById,
  sentence,
  sideWords,
  sortRows,
  summaryItems,
  typedValues,
  toInput,
} from "./model";

const row = (id: number, name: string, last_checked: string | null, cls: GroupRow["class"] = "community", extra: Partial<GroupRow> = {}): GroupRow => ({
  id, name, shown_name: name, other_names: [], ward_id: null, ward: null, postcode: "", class: cls, status: "active", faith: false, bme: false, last_checked, served_category_ids: [], due_for_check: false, ...extra,
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
  it("sorts classes by their words, not their codes", () => {
    // "Community group" < "Voluntary organisation" by words; the codes would agree, so add a mixed one:
    // by words "Mixed" sorts between them, by code "mixed" would too, but "Not yet classified" (code
    // "unclassified") sorts before "Voluntary" only by words.
    const more = [...rows, row(4, "Zion Hall", null, "unclassified"), row(5, "Astley Arts", null, "mixed")];
    expect(sortRows(more, "class", true).map((r) => r.class)).toEqual(["community", "community", "mixed", "unclassified", "voluntary"]);
  });
  it("breaks ties by name, and leaves the input alone", () => {
    const same = [row(1, "Brook", null, "mixed"), row(2, "abbey", null, "mixed")];
    expect(sortRows(same, "class", false).map((r) => r.id)).toEqual([2, 1]);
    expect(same.map((r) => r.id)).toEqual([1, 2]);
  });
  it("puts groups with no ward last", () => {
    const wards = [row(1, "A", null, "community", { ward: null }), row(2, "B", null, "community", { ward: "Weaste" }), row(3, "C", null, "community", { ward: "Irlam" })];
    expect(sortRows(wards, "ward", true).map((r) => r.id)).toEqual([3, 2, 1]);
    expect(sortRows(wards, "ward", false).map((r) => r.id)).toEqual([2, 3, 1]);
  });
});

describe("filterRows", () => {
  const rows = [
    row(1, "St John's Centre", "2026-10-01", "community", { faith: true, ward_id: 5, served_category_ids: [16] }),
    row(2, "Weaste Advice", "2025-11-23", "voluntary", { bme: true, ward_id: 5, served_category_ids: [4, 9], due_for_check: true }),
    row(3, "Irlam Closed Club", null, "mixed", { status: "closed", ward_id: 7 }),
  ];
  const ids = (f: Partial<typeof NO_FILTERS>) => filterRows(rows, { ...NO_FILTERS, ...f }).map((r) => r.id);
  it("matches part of a name in any case", () => {
    expect(ids({ text: "JOHN" })).toEqual([1]);
  });
  // A tester found "st. john", "g force" and "stretford food bank" found nothing, and other names
  // were not looked at.
  it("folds punctuation, 'Saint', '&' and spaces as search does, and looks at other names", () => {
    const named = [
      row(1, "St John's Centre", null),
      row(2, "G-Force", null),
      row(3, "Stretford Foodbank", null),
      row(4, "Trafford Carers Centre", null, "community", { other_names: ["Carers' Hub & Cafe"] }),
    ];
    const found = (text: string) => filterRows(named, { ...NO_FILTERS, text }).map((r) => r.id);
    expect(found("st. john")).toEqual([1]);
    expect(found("saint johns centre")).toEqual([1]);
    expect(found("g force")).toEqual([2]);
    expect(found("stretford food bank")).toEqual([3]);
    expect(found("carers hub and")).toEqual([4]);
    expect(found("centre")).toEqual([1, 4]);
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
  it("shows only the entries the core says need checking", () => {
    expect(ids({ staleOnly: true })).toEqual([2]);
  });
});

describe("field problems", () => {
  it("maps Rust's field names to the form's input ids", () => {
    // Each id here is an element GroupForm.svelte renders; the E2E tests and the summary's links rely on them.
    expect(inputId("name")).toBe("group-name");
    expect(inputId("postcode")).toBe("group-postcode");
    expect(inputId("activities")).toBe("group-activities");
    expect(inputId("ward_id")).toBe("group-ward");
    expect(inputId("last_checked")).toBe("group-last-checked");
    expect(inputId("class_override")).toBe("class-override");
    expect(inputId("class_override_reason")).toBe("class-override-reason");
    expect(inputId("place_ward_ids")).toBe("group-place-ward-ids");
    expect(inputId("category_ids")).toBe("group-category-ids");
    expect(inputId("status")).toBe("group-status");
  });
  it("maps list items to their row: identifiers by index, features by index + 1 (their number)", () => {
    expect(inputId("identifiers[1].value")).toBe("identifier-1-value");
    expect(inputId("identifiers[0].scheme")).toBe("identifier-0-scheme");
    expect(inputId("features[3].evidence")).toBe("feature-4-evidence");
    // A feature's answer is a radio group: the link goes to its fieldset (the form focuses its first radio).
    expect(inputId("features[0].side")).toBe("feature-1");
    expect(inputId("category_ids[2]")).toBe("group-category-ids");
  });
  it("has no input for fields the form does not show, so the summary shows them as text", () => {
    expect(inputId("id")).toBeNull();
    expect(inputId("something_new")).toBeNull();
    expect(inputId("seats[0].label")).toBeNull();
  });
  it("keeps the first message per input, as a sentence", () => {
    expect(problemsById([{ field: "name", message: "a" }, { field: "name", message: "b" }])).toEqual({ "group-name": "A" });
    expect(problemsById([{ field: "identifiers[0].value", message: "enter the number, or remove this row" }])).toEqual({
      "identifier-0-value": "Enter the number, or remove this row",
    });
  });
  it("lists the summary in Rust's order, linking where there is an input", () => {
    const items = summaryItems([
      { field: "name", message: "Enter the group's name" },
      { field: "postcode", message: "AB1 2CD is not a UK postcode" },
      { field: "name", message: "The name is longer than 300 characters" },
      { field: "id", message: "this group no longer exists" },
    ]);
    expect(items).toEqual([
      { id: "group-name", message: "Enter the group's name" },
      { id: "group-postcode", message: "AB1 2CD is not a UK postcode" },
      { id: null, message: "This group no longer exists" },
    ]);
  });
  it("capitalises only the first letter of a message", () => {
    expect(sentence("ward 7 is not in the ward list")).toBe("Ward 7 is not in the ward list");
    expect(sentence("")).toBe("");
  });
  it("leaves a message that starts with a value as typed, quoting it as typed", () => {
    const typed = typedValues({ name: "Sale Scouts", postcode: " wa15 ohf ", identifiers: [{ scheme: "GB-COH", value: "sc 12" }], status: "active" });
    expect(typed).toEqual(["Sale Scouts", " wa15 ohf ", "GB-COH", "sc 12", "active"]);
    const postcode = "wa15 ohf is not a UK postcode (is WA15 0HF meant? A postcode has the number 0 there, not the letter O)";
    expect(sentence(postcode, typed)).toBe(postcode);
    // Numbers are quoted without their spaces.
    expect(sentence("sc12 is not a company number: it should be 8 characters", typed)).toBe("sc12 is not a company number: it should be 8 characters");
    // A message that only begins like a value is still a sentence.
    expect(sentence("activities are too long", typed)).toBe("Activities are too long");
    expect(problemsById([{ field: "postcode", message: postcode }], typed)).toEqual({ "group-postcode": postcode });
    expect(summaryItems([{ field: "postcode", message: postcode }], typed)).toEqual([{ id: "group-postcode", message: postcode }]);
  });
});

describe("identifier rows", () => {
  it("shows a scheme the app names in the select, and any other as 'other' with its prefix typed", () => {
    const rows = identifierRows([{ scheme: "GB-CHC", value: "1123456" }, { scheme: "GB-MPR", value: "IP00123" }]);
    expect(rows).toEqual([
      { choice: "GB-CHC", other: "", value: "1123456" },
      { choice: "other", other: "GB-MPR", value: "IP00123" },
    ]);
  });
  it("turns rows back into identifiers without loss", () => {
    const ids = [{ scheme: "GB-COH", value: "09901361" }, { scheme: "360G-XYZ", value: "42" }];
    expect(identifiersFrom(identifierRows(ids))).toEqual(ids);
    expect(identifiersFrom([{ choice: "other", other: "  GB-MPR ", value: "1" }])).toEqual([{ scheme: "GB-MPR", value: "1" }]);
  });
});

describe("words", () => {
  it("says each class in words", () => {
    expect(classWords("community")).toBe("Community group");
    expect(classWords("voluntary")).toBe("Voluntary organisation");
    expect(classWords("mixed")).toBe("Mixed");
    expect(classWords("unclassified")).toBe("Not yet classified");
  });
  it("counts groups in the singular and plural", () => {
    expect(countText(118, 118, false)).toBe("118 groups");
    expect(countText(1, 1, false)).toBe("1 group");
    expect(countText(3, 118, true)).toBe("3 of 118 groups match");
  });
  it("words enterprise, BME and the history's kinds", () => {
    expect(enterpriseWords(null)).toBe("No");
    expect(enterpriseWords("community")).toBe("Community enterprise");
    expect(bmeWords(true, true)).toBe("Led by Black and minority ethnic people; Serves Black and minority ethnic communities");
    expect(bmeWords(false, false)).toBe("No");
    // The E2E classification test reads "suggested <class>" and "set by staff to <class>".
    expect(historyKindWords("suggested")).toBe("suggested");
    expect(historyKindWords("set")).toBe("set by staff to");
  });
  it("names the side of a feature's answer", () => {
    const f = { number: 1, title: "Who leads it", community_side: "member led", voluntary_side: "staff led" };
    expect(sideWords(f, "community")).toBe("Community side: member led");
    expect(sideWords(f, "voluntary")).toBe("Voluntary side: staff led");
    expect(sideWords(f, null)).toBe("Not known");
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
  it("puts the features in number order, all eight, so features[i] is feature i + 1", () => {
    const g = { ...emptyInput(), id: 3, features: [{ number: 2, side: "voluntary", evidence: "paid staff" }, { number: 1, side: "community", evidence: "" }] } as never;
    const input = toInput(g);
    expect(input.features.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(input.features[1]).toEqual({ number: 2, side: "voluntary", evidence: "paid staff" });
    expect(input.features[7].side).toBeNull();
  });
});

describe("allFeatures", () => {
  it("fills unanswered features as not known", () => {
    expect(allFeatures([]).every((f) => f.side === null && f.evidence === "")).toBe(true);
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
