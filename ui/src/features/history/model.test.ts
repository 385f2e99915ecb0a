import { describe as group, expect, it } from "vitest";
import type { AuditEntry } from "../../ipc/types";
import { backupWhyWords, describe, reasonWords, takenInWords, whatWords, whenInWords } from "./model";

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1, at: "2026-11-23T14:05:09.123Z", actor: "amina", subject: "group", subject_id: 3, action: "changed",
  field: "name", what: "Name", before: "Kersal Mums", after: "Kersal Mums and Tots", undoes: null, undone_by: null,
  can_undo: true, imported_from: null, from_group: null, ...over,
});

group("the audit trail in words", () => {
  it("gives the time in the user's zone", () => {
    expect(whenInWords("2026-11-23T14:05:09.123Z", "UTC")).toBe("23 Nov 2026, 14:05");
    expect(whenInWords("2026-07-01T14:05:09.123Z", "Europe/London")).toBe("1 Jul 2026, 15:05");
    expect(whenInWords("not a time")).toBe("not a time");
  });
  it("says what each row did, and marks undos", () => {
    expect(describe(entry({}))).toBe("Name from “Kersal Mums” to “Kersal Mums and Tots”");
    expect(whatWords(entry({ action: "created", field: null, what: "Group: Kersal Mums" }))).toBe("Added Group: Kersal Mums");
    expect(whatWords(entry({ action: "deleted", field: null, what: "Group: X", undoes: 4 }))).toBe("Undo: Taken away Group: X");
    expect(whatWords(entry({ undoes: 2 }))).toBe("Undo: Name");
  });
  it("reads backup names", () => {
    expect(reasonWords("before-import")).toBe("Before an import");
    expect(reasonWords("on-request")).toBe("Taken on request");
    expect(reasonWords("something-new")).toBe("something new");
    expect(takenInWords("20261123T140512.345", "UTC")).toBe("23 Nov 2026, 14:05:12");
  });
  it("tells apart two backups taken in one minute before two imports: by the second, and by the import's file", () => {
    expect(takenInWords("20261124T234305.001", "UTC")).not.toBe(takenInWords("20261124T234341.500", "UTC"));
    const b = { path: "/d/x.sqlite3", taken: "20261124T234305.001", reason: "before-import", import_file: "grants.csv" };
    expect(backupWhyWords(b)).toBe("Before the import of grants.csv");
    // An import made before its backups were recorded, or one a restore took away: not said.
    expect(backupWhyWords({ ...b, import_file: null })).toBe("Before an import");
    expect(backupWhyWords({ ...b, reason: "daily", import_file: null })).toBe("Daily");
  });
});
