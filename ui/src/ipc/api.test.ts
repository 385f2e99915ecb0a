import { beforeEach, describe, expect, it, vi } from "vitest";

// The only test that fakes Tauri: `invoke` is replaced so the calls' names and arguments (the
// contract with src-tauri/src/main.rs) and the error normalisation can be checked without a window.
const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
// The scan's progress arrives as events: `listen` is faked too, and the handler kept to call.
const unlisten = vi.fn();
let progressHandler: ((e: { payload: unknown }) => void) | null = null;
const listen = vi.fn(async (_name: string, handler: (e: { payload: unknown }) => void) => {
  progressHandler = handler;
  return unlisten;
});
vi.mock("@tauri-apps/api/event", () => ({ listen: (...args: [string, (e: { payload: unknown }) => void]) => listen(...args) }));

const { api, messageFor, toAppError } = await import("./api");
const { emptyInput } = await import("../features/directory/model");

beforeEach(() => invoke.mockReset());

describe("toAppError", () => {
  it("keeps the code, message and fields Rust sent", () => {
    const e = toAppError({ code: "invalid", message: "AB1 2CD is not a UK postcode.", fields: [{ field: "postcode", message: "AB1 2CD is not a UK postcode" }] });
    expect(e).toEqual({ code: "invalid", message: "AB1 2CD is not a UK postcode.", fields: [{ field: "postcode", message: "AB1 2CD is not a UK postcode" }] });
  });
  it("keeps every code the Rust side sends, so a component can branch on it", () => {
    // The codes of CoreError::code and AppError in src-tauri.
    for (const code of ["invalid", "not_found", "conflict", "exists", "storage", "disk_full", "damaged", "likely_duplicate", "internal"] as const) {
      expect(toAppError({ code, message: "m", fields: [] }).code).toBe(code);
    }
  });
  it("keeps the groups a new one may be, dropping malformed entries", () => {
    const e = toAppError({
      code: "likely_duplicate",
      message: "G-Force is already in the directory at WA15 7DD. Is this the same group?",
      fields: [],
      likely_duplicates: [{ id: 3, name: "G-FORCE", shown_name: "G-Force", place: "at WA15 7DD" }, { name: "no id" }, null],
    });
    expect(e.code).toBe("likely_duplicate");
    // The name as shown is kept for the form's "Open G-Force" button.
    expect(e.likely_duplicates).toEqual([{ id: 3, name: "G-FORCE", shown_name: "G-Force", place: "at WA15 7DD" }]);
  });
  it("wraps a bare string or Error as an internal error with its text", () => {
    expect(toAppError("boom")).toEqual({ code: "internal", message: "boom", fields: [] });
    expect(toAppError(new Error("lost"))).toEqual({ code: "internal", message: "lost", fields: [] });
    expect(toAppError(undefined)).toEqual({ code: "internal", message: "undefined", fields: [] });
  });
  it("treats an unknown code or malformed fields as internal, never dropping the message", () => {
    const e = toAppError({ code: "teapot", message: "short and stout", fields: [null, { field: "name" }, { field: "name", message: "Enter the group's name" }] });
    expect(e.code).toBe("internal");
    expect(e.message).toBe("short and stout");
    expect(e.fields).toEqual([{ field: "name", message: "Enter the group's name" }]);
  });
});

describe("messageFor", () => {
  it("gives the problem with the field when there is one, else the error's message", () => {
    const e = { code: "invalid", message: "Not saved.", fields: [{ field: "path", message: "No file there." }] };
    expect(messageFor(e, "path")).toBe("No file there.");
    expect(messageFor(e, "year")).toBe("Not saved.");
    expect(messageFor("the window closed", "path")).toBe("the window closed");
  });
});

describe("calls", () => {
  it("names each Rust command and passes its arguments as the command expects", async () => {
    invoke.mockResolvedValue("ok");
    const input = emptyInput();
    await api.directorySummary();
    await api.referenceData();
    await api.listGroups();
    await api.getGroup(7);
    await api.saveGroup(input);
    await api.saveGroup(input, true);
    await api.suggestClass(input.features);
    await api.removeDemo();
    expect(invoke.mock.calls).toEqual([
      ["directory_summary", undefined],
      ["reference_data", undefined],
      ["list_groups", undefined],
      ["get_group", { id: 7 }],
      ["save_group", { input, allowLikelyDuplicate: false }],
      ["save_group", { input, allowLikelyDuplicate: true }],
      ["suggest_class", { features: input.features }],
      ["remove_demo", undefined],
    ]);
  });
  it("passes the partnership commands' arguments under the names Rust expects", async () => {
    invoke.mockResolvedValue(1);
    await api.endAppointment(4, "2026-03-14");
    await api.recordDeclaration(4, "2026-03-14", "");
    await api.recordAttendance(2, "2026-03-14", [{ appointment_id: 4, status: "apologies" }]);
    await api.accountabilityLog(4);
    await api.seatHistory(9);
    await api.partnershipInput(2);
    await api.getPerson(5);
    expect(invoke.mock.calls).toEqual([
      ["end_appointment", { appointmentId: 4, on: "2026-03-14" }],
      ["record_declaration", { appointmentId: 4, on: "2026-03-14", what: "" }],
      ["record_attendance", { partnershipId: 2, on: "2026-03-14", marks: [{ appointment_id: 4, status: "apologies" }] }],
      ["accountability_log", { appointmentId: 4 }],
      ["seat_history", { seatId: 9 }],
      ["partnership_input", { id: 2 }],
      ["get_person", { id: 5 }],
    ]);
  });
  it("passes the ward list commands' arguments under the names Rust expects", async () => {
    invoke.mockResolvedValue(1);
    await api.wardList();
    await api.wardFileDistricts("/tmp/w.csv");
    await api.loadWards("/tmp/w.csv", "Trafford");
    await api.loadWards("/tmp/w.csv", null);
    await api.removeWardDistrict("Salford");
    await api.checkWardDistrictRemoval("Salford");
    expect(invoke.mock.calls).toEqual([
      ["ward_list", undefined],
      ["ward_file_districts", { path: "/tmp/w.csv" }],
      ["load_wards", { path: "/tmp/w.csv", district: "Trafford" }],
      ["load_wards", { path: "/tmp/w.csv", district: null }],
      ["remove_ward_district", { district: "Salford" }],
      ["check_ward_district_removal", { district: "Salford" }],
    ]);
  });
  it("rejects with an AppError whatever Tauri rejected with", async () => {
    invoke.mockRejectedValueOnce("command save_group not found");
    await expect(api.saveGroup(emptyInput())).rejects.toEqual({ code: "internal", message: "command save_group not found", fields: [] });
    invoke.mockRejectedValueOnce({ code: "conflict", message: "Someone else changed this group.", fields: [] });
    await expect(api.getGroup(1)).rejects.toEqual({ code: "conflict", message: "Someone else changed this group.", fields: [] });
  });
  it("resolves with what Rust returned", async () => {
    invoke.mockResolvedValueOnce({ groups: 118, partnerships: 5, demo_loaded: true, db_path: "/tmp/d.sqlite3" });
    await expect(api.directorySummary()).resolves.toMatchObject({ groups: 118, demo_loaded: true });
  });
});

describe("duplicates", () => {
  it("names the duplicate commands and passes their arguments", async () => {
    invoke.mockResolvedValue(null);
    await api.duplicateReviewProgress(4);
    await api.markNotDuplicate(3, 9);
    await api.mergePreview(3, 9);
    await api.mergeGroups(3, 9, { fields: { name: "merged" } });
    await api.undoMerge(12);
    await api.undoMerge(null);
    await api.mergeLog();
    expect(invoke.mock.calls).toEqual([
      ["duplicate_review_progress", { pending: 4 }],
      ["mark_not_duplicate", { a: 3, b: 9 }],
      ["merge_preview", { kept: 3, merged: 9 }],
      ["merge_groups", { kept: 3, merged: 9, choices: { fields: { name: "merged" } } }],
      ["undo_merge", { mergeId: 12 }],
      ["undo_merge", { mergeId: null }],
      ["merge_log", undefined],
    ]);
  });
  it("passes the scan's progress events on while it runs, and stops listening after, even when it fails", async () => {
    const heard: unknown[] = [];
    invoke.mockImplementationOnce(async () => {
      progressHandler?.({ payload: { stage: "comparing", done: 5, total: 10 } });
      return { pairs: [], clusters: [], progress: { reviewed: 0, total: 0 }, candidates: 10 };
    });
    await expect(api.scanDuplicates(true, (p) => heard.push(p))).resolves.toMatchObject({ candidates: 10 });
    expect(invoke).toHaveBeenLastCalledWith("scan_duplicates", { startReview: true });
    expect(listen).toHaveBeenLastCalledWith("duplicate-scan-progress", expect.any(Function));
    expect(heard).toEqual([{ stage: "comparing", done: 5, total: 10 }]);
    expect(unlisten).toHaveBeenCalledTimes(1);
    invoke.mockRejectedValueOnce({ code: "storage", message: "Nothing was saved.", fields: [] });
    await expect(api.scanDuplicates(false, () => {})).rejects.toMatchObject({ code: "storage" });
    expect(unlisten).toHaveBeenCalledTimes(2);
  });
});

describe("seats import", () => {
  it("names the command and passes the path", async () => {
    invoke.mockResolvedValue(null);
    await api.importSeats("/tmp/seats.csv");
    expect(invoke.mock.calls).toEqual([["import_seats", { path: "/tmp/seats.csv" }]]);
  });
});

describe("gaps", () => {
  it("names the gaps commands and passes their arguments", async () => {
    invoke.mockResolvedValue(null);
    await api.gapMatrix(true);
    await api.gapMatrix(false);
    await api.seatBalance();
    await api.directoryCoverage();
    await api.defaultPicturePath();
    await api.savePicture("/tmp/gaps.svg", "<svg/>");
    await api.savePicture("/tmp/gaps.svg", "<svg/>", true);
    expect(invoke.mock.calls).toEqual([
      ["gap_matrix", { byGaps: true }],
      ["gap_matrix", { byGaps: false }],
      ["seat_balance", undefined],
      ["directory_coverage", undefined],
      ["default_picture_path", undefined],
      ["save_picture", { path: "/tmp/gaps.svg", svg: "<svg/>", replace: false }],
      ["save_picture", { path: "/tmp/gaps.svg", svg: "<svg/>", replace: true }],
    ]);
  });
});
