import { describe, expect, it } from "vitest";
import type { ImportCheck, MatchedRow } from "../../ipc/importTypes";
import {
  groupsUndoneWords,
  updateWords,
  changesSomething,
  chooseForAll,
  checkOutcomeWords,
  chooseForRow,
  choiceFor,
  countChoices,
  headerRowWords,
  mappingFromSelections,
  missingColumns,
  noNameColumnWords,
  openReferralWords,
  orderedMappings,
  problemReason,
  progressWords,
  refusedWhileSavingWords,
  rejectedFileName,
  reviewPackWords,
  selectionProblems,
  selectionsFromMapping,
  suggestionWords,
  summaryWords,
} from "./model";

const headers = ["Recipient Org:Name", "Amount", "Recipient Org:Street Address", "Recipient Org:City"];

function matched(row: number): MatchedRow {
  return { row, shown_name: `Group ${row}`, name: `GROUP ${row}`, match: { target: { kind: "group", id: row }, name: "x", reason: "same name" }, edit: null, cautious: null };
}

describe("the column selects and the mapping", () => {
  it("turn into each other, leaving out columns not imported and keeping joined columns", () => {
    const mapping = {
      columns: [
        { column: "Recipient Org:Name", field: "name" },
        { column: "Recipient Org:Street Address", field: "address" },
        { column: "Recipient Org:City", field: "address" },
      ],
    };
    const sel = selectionsFromMapping(headers, mapping);
    expect(sel).toEqual(["name", "", "address", "address"]);
    expect(mappingFromSelections(headers, sel)).toEqual(mapping);
  });

  it("say which columns of a mapping the file lacks", () => {
    const m = { columns: [{ column: "charity_name", field: "name" }, { column: "Amount", field: "activities" }] };
    expect(missingColumns(headers, m)).toEqual(["charity_name"]);
  });

  it("need a name column before the rows are checked, and say where to choose it", () => {
    expect(selectionProblems(["", "postcode"], ["Title", "Post code"])).toEqual([
      "No column is chosen for the group's name: under “Fills the field”, choose “Name” for the column that holds each group's name (this file's columns are “Title” and “Post code”).",
    ]);
    expect(selectionProblems(["name", ""], ["Title", "Post code"])).toEqual([]);
  });

  it("say when no column looks like a name, with the file's columns and how to choose one", () => {
    const wards = ["wd22cd", "wd22nm", "lad22cd", "lad22nm"];
    const none = { columns: [] };
    expect(noNameColumnWords("wards.csv", wards, none, ["", "", "", ""])).toBe(
      "No column of wards.csv looks like a group's name. Its 4 columns are “wd22cd”, “wd22nm”, “lad22cd” and “lad22nm”. " +
        "If one of them holds the groups' names, choose “Name” for it under “Fills the field” below; if none does, this is not a file of groups: go back and choose another file.",
    );
    expect(noNameColumnWords("one.csv", ["Title"], none, [""])).toContain("Its column is “Title”.");
    // Once a column is chosen, or when the suggestion took one (and the user cleared it), it says nothing.
    expect(noNameColumnWords("wards.csv", wards, none, ["", "name", "", ""])).toBe("");
    expect(noNameColumnWords("g.csv", ["Organisation"], { columns: [{ column: "Organisation", field: "name" }] }, [""])).toBe("");
  });
});

describe("the choices for matched rows", () => {
  const check: ImportCheck = { token: 1, read: 10, to_import: 8, matched: [matched(3), matched(5), matched(7)], rejected: [], round_trip: false, edits_in_words: null };

  it("count unmatched rows as new and matched rows by their choice", () => {
    let c = chooseForAll("skip");
    expect(countChoices(check, c)).toEqual({ new: 5, update: 0, skip: 3 });
    c = chooseForRow(c, 5, "update");
    expect(choiceFor(c, 5)).toBe("update");
    expect(countChoices(check, c)).toEqual({ new: 5, update: 1, skip: 2 });
  });

  it("drop the rows' own choices when one is made for all", () => {
    const c = chooseForRow(chooseForAll("skip"), 3, "new");
    expect(chooseForAll("update")).toEqual({ on_match: "update", rows: {} });
    expect(countChoices(check, { ...c, on_match: "update" })).toEqual({ new: 6, update: 2, skip: 0 });
  });

  it("say how many groups the updating rows reach, not how many rows, and that a row bringing nothing new counts as unchanged", () => {
    // A grants file: row 2 is new, rows 3 and 4 are row 2's group again (4 names row 3), rows 5
    // and 6 are both group 9 of the directory.
    const toRow = (row: number, earlier: number): MatchedRow => ({ row, shown_name: "A", name: "A", match: { target: { kind: "row", row: earlier }, name: "A", reason: "same name" }, edit: null, cautious: null });
    const toGroup = (row: number, id: number): MatchedRow => ({ row, shown_name: "B", name: "B", match: { target: { kind: "group", id }, name: "B", reason: "same name" }, edit: null, cautious: null });
    const grants: ImportCheck = { token: 1, read: 5, to_import: 5, matched: [toRow(3, 2), toRow(4, 3), toGroup(5, 9), toGroup(6, 9)], rejected: [], round_trip: false, edits_in_words: null };
    expect(checkOutcomeWords(grants, chooseForAll("update"))).toBe(
      "Importing will add 1 new group, update up to 2 groups (1 of them added by this import) from 4 matched rows and skip 0 rows. " +
        "A matched row that brings nothing new changes nothing and is counted as unchanged. Nothing is saved until you import, and the import can be undone.",
    );
    // Row 3 added as a group of its own: row 4 updates that one, not row 2's.
    const own = chooseForRow(chooseForAll("update"), 3, "new");
    expect(checkOutcomeWords(grants, own)).toContain("add 2 new groups, update up to 2 groups (1 of them added by this import) from 3 matched rows and skip 0 rows.");
    // Row 3 skipped: row 4 still reaches row 2's group, through it.
    const skipped = chooseForRow(chooseForAll("update"), 3, "skip");
    expect(checkOutcomeWords(grants, skipped)).toContain("update up to 2 groups (1 of them added by this import) from 3 matched rows and skip 1 row.");
    expect(checkOutcomeWords(grants, chooseForRow(chooseForAll("skip"), 6, "update"))).toContain("add 1 new group, update up to 1 group from 1 matched row and skip 3 rows.");
    const none = checkOutcomeWords(grants, chooseForAll("skip"));
    expect(none).toContain("update 0 groups and skip 4 rows.");
    expect(none).not.toContain("unchanged");
  });

  it("keep no row choice equal to the choice for all", () => {
    const c = chooseForRow(chooseForRow(chooseForAll("skip"), 3, "new"), 3, "skip");
    expect(c.rows).toEqual({});
  });
});

describe("the words the steps show", () => {
  it("say what updating a matched row will do: a round trip's own row its changes, any other the cautious rule", () => {
    const m = matched(4);
    // The cautious rule as it is: filled cells replace, lists are added to, the name is kept.
    expect(updateWords(m)).toEqual(["Cells the row fills replace the group's, lists are added to, the group's name is kept (the row's becomes another name) and an empty cell leaves the group's value"]);
    expect(updateWords({ ...m, edit: [] })).toEqual(["Nothing changes"]);
    const changes = ['name "ST JOHN\'S CENTRE" → "St John\'s Centre"', 'e-mail "office@stjohns.org.uk" will be cleared'];
    expect(updateWords({ ...m, edit: changes })).toEqual(changes);
  });

  it("say why a row of the own export whose id is not its group's is treated cautiously", () => {
    const m = { ...matched(338), cautious: "its id 99999 is not this group's (413): only cells it fills are applied" };
    const words = updateWords(m);
    expect(words[0]).toBe("Treated cautiously: its id 99999 is not this group's (413): only cells it fills are applied.");
    expect(words[1]).toContain("lists are added to");
  });

  it("count as changing a group the cautious rows and the own rows with changes, not those with none", () => {
    expect(changesSomething(matched(2))).toBe(true);
    expect(changesSomething({ ...matched(2), edit: [] })).toBe(false);
    expect(changesSomething({ ...matched(2), edit: ["e-mail \"x\" will be cleared"] })).toBe(true);
  });

  it("say where a suggestion came from", () => {
    expect(suggestionWords("360Giving grants")).toContain("“360Giving grants” mapping");
    expect(suggestionWords(null)).toContain("column names");
  });

  it("say which row holds the column names", () => {
    expect(headerRowWords(1)).toBe("Row 1");
    expect(headerRowWords(3)).toContain("Row 3");
    expect(headerRowWords(null)).toContain("None found");
  });

  it("take the row and column off a problem shown in its own columns", () => {
    expect(problemReason({ field: "postcode", message: "row 4, column Postcode: XX1 is not a UK postcode" })).toBe("XX1 is not a UK postcode");
    expect(problemReason({ field: "name", message: "a name is needed" })).toBe("a name is needed");
  });

  it("count progress and the summary in words", () => {
    expect(progressWords({ stage: "saving", done: 1000, total: 2500 })).toBe("Saved 1,000 of 2,500 rows");
    expect(progressWords(null)).toBe("Working…");
    const s = { import_id: 4, read: 12, added: 3, updated: 1, unchanged: 2, skipped: 4, rejected: [{ row: 2, cells: [], problems: [] }] };
    expect(summaryWords(s)).toBe("Import finished: 12 rows read, 3 added, 1 updated, 2 unchanged, 4 skipped, 1 rejected.");
    expect(summaryWords({ ...s, import_id: null })).toMatch(/^Nothing was imported/);
    // The tester's "1,018 rows read, 0 added, 4 updated, 1014 unchanged": every figure alike.
    expect(summaryWords({ ...s, read: 1018, added: 0, updated: 4, unchanged: 1014, skipped: 0, rejected: [] })).toBe(
      "Import finished: 1,018 rows read, 0 added, 4 updated, 1,014 unchanged, 0 skipped, 0 rejected.",
    );
  });

  it("put the suggested mapping first", () => {
    const m = (name: string) => ({ name, mapping: { columns: [] }, built_in: true });
    expect(orderedMappings([m("a"), m("b"), m("c")], "b").map((x) => x.name)).toEqual(["b", "a", "c"]);
  });

  it("name the rejected rows' file after the imported one", () => {
    expect(rejectedFileName("grants.CSV")).toBe("grants-rejected.csv");
    expect(rejectedFileName("")).toBe("import-rejected.csv");
  });
});

describe("the exports' words", () => {
  it("says what the review pack holds, where, as at when, and that it is personal data", () => {
    const words = reviewPackWords({ folder: "/home/a/review", year: 2025, as_of: "2025-12-31", partnerships: 1, seats: 12, gaps: 16, groups: 120 });
    expect(words).toBe("The 2025 review pack (judged as at 31 December 2025) was written to /home/a/review: 1 partnership, 12 seats, 16 gap cells and 120 groups. It holds personal data.");
  });
  it("says how many organizations and identifiers the Open Referral tables hold, and their files", () => {
    const words = openReferralWords({ folder: "/tmp/or", files: ["organizations.csv", "organization_identifiers.csv"], organizations: 1, identifiers: 0, left_out: 0 });
    expect(words).toBe("1 organization and 0 identifiers written to /tmp/or (organizations.csv, organization_identifiers.csv).");
    const some = openReferralWords({ folder: "/tmp/or", files: ["organizations.csv"], organizations: 114, identifiers: 80, left_out: 6 });
    expect(some).toBe("114 organizations and 80 identifiers written to /tmp/or (organizations.csv). 6 closed or dormant groups left out.");
  });
});

describe("the rows refused while saving", () => {
  const row = (n: number) => ({ row: n, cells: [], problems: [] });
  const summary = (rejected: number[]) => ({ import_id: 1, read: 9, added: 5, updated: 0, unchanged: 0, skipped: 0, rejected: rejected.map(row) });

  it("are the summary's rejected rows the check did not reject, said with what to do", () => {
    expect(refusedWhileSavingWords(summary([4]), 1)).toBe("");
    expect(refusedWhileSavingWords(summary([3, 4]), 1)).toBe(
      "1 row could not be added as a new group: its registration number is already a group's or an earlier row's. " +
        "It is among the rejected rows; to add its details to that group, import the file again and choose “Update the match” for it.",
    );
    expect(refusedWhileSavingWords(summary([3, 4, 6]), 1)).toMatch(/^2 rows could not be added as new groups: each one's .* They are among .* for them\.$/);
  });
});

describe("groupsUndoneWords", () => {
  it("names the file and counts the groups removed and put back, one and many", () => {
    expect(groupsUndoneWords("grants.csv", { removed: 3, restored: 1 })).toBe("The import of grants.csv was undone: 3 groups removed, 1 group put back as it was.");
    expect(groupsUndoneWords("grants.csv", { removed: 1, restored: 0 })).toBe("The import of grants.csv was undone: 1 group removed, 0 groups put back as they were.");
  });
});
