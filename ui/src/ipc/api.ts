// The only module that talks to Rust. Every command has one typed function here; components
// import these and never call `invoke` themselves. Rejections are normalised to AppError.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import type { Choices, ImportCheck, ImportPreview, ImportProgress, ImportSummary, Mapping, NamedMapping, OpenReferralExport, ReviewPack, SeatImportSummary, SeatImportUndone, UndoSummary, EarlierImport } from "./importTypes";
import type {
  FileDistrict,
  WardList,
  WardsLoaded,
  AccountabilityLog,
  AuditEntry,
  BackupFile,
  GapCell,
  TrailOf,
  Appointment,
  AttendanceMark,
  RegisterEntry,
  PartnershipInput,
  Person,
  PersonInput,
  ReviewDue,
  Erasure,
  SeatInput,
  AppError,
  AppointmentInput,
  PartnershipPage,
  PartnershipRow,
  PersonRow,
  DirectorySummary,
  DuplicateScan,
  MergeChoices,
  MergeLogEntry,
  MergeOutcome,
  MergePreview,
  ReviewProgress,
  ScanProgress,
  FeatureAnswer,
  FieldProblem,
  Group,
  GroupInput,
  GroupRow,
  Hit,
  LikelyDuplicate,
  Category,
  ReferenceData,
  Settings,
  Suggestion,
  DirectoryCoverage,
  GapMatrix,
  SeatBalance,
} from "./types";

const CODES: readonly AppError["code"][] = ["invalid", "not_found", "conflict", "exists", "storage", "disk_full", "damaged", "likely_duplicate", "internal"];

/** Any rejection as an AppError. Rust rejects with `{code, message, fields}`; anything else (a
 * string from Tauri itself, an Error, a malformed object) becomes an "internal" error with its text,
 * so components can always branch on `code` and show `message`. */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === "object" && !(e instanceof Error) && "code" in e && "message" in e) {
    const o = e as { code: unknown; message: unknown; fields?: unknown; likely_duplicates?: unknown };
    const code = CODES.includes(o.code as AppError["code"]) ? (o.code as AppError["code"]) : "internal";
    const fields = Array.isArray(o.fields)
      ? o.fields
          .filter((f): f is FieldProblem => !!f && typeof f === "object" && "field" in f && "message" in f)
          .map((f) => ({ field: String(f.field), message: String(f.message) }))
      : [];
    const out: AppError = { code, message: String(o.message), fields };
    if (Array.isArray(o.likely_duplicates)) {
      out.likely_duplicates = o.likely_duplicates
        .filter((d): d is LikelyDuplicate => !!d && typeof d === "object" && typeof d.id === "number" && "name" in d)
        .map((d) => ({ id: d.id, name: String(d.name), shown_name: String(d.shown_name ?? d.name), place: String(d.place ?? "") }));
    }
    return out;
  }
  if (e instanceof Error) return { code: "internal", message: e.message, fields: [] };
  return { code: "internal", message: String(e), fields: [] };
}

/** The message to show beside one field: the error's problem with that field, else its message. */
export function messageFor(e: unknown, field: string): string {
  const ae = toAppError(e);
  return ae.fields.find((f) => f.field === field)?.message ?? ae.message;
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

export const api = {
  directorySummary: () => call<DirectorySummary>("directory_summary"),
  referenceData: () => call<ReferenceData>("reference_data"),
  listGroups: () => call<GroupRow[]>("list_groups"),
  getGroup: (id: number) => call<Group>("get_group", { id }),
  /** A new group that is probably one already there is refused with "likely_duplicate" naming
   * them, unless `allowLikelyDuplicate` (the user said it is another group). */
  saveGroup: (input: GroupInput, allowLikelyDuplicate = false) => call<Group>("save_group", { input, allowLikelyDuplicate }),
  suggestClass: (features: FeatureAnswer[]) => call<Suggestion>("suggest_class", { features }),
  searchGroups: (query: string, limit = 50) => call<Hit[]>("search_groups", { query, limit }),
  removeDemo: () => call<DirectorySummary>("remove_demo"),
  needsChecking: () => call<GroupRow[]>("needs_checking"),
  markChecked: (id: number, by: string) => call<Group>("mark_checked", { id, by }),
  addCategory: (name: string) => call<Category>("add_category", { name }),
  renameCategory: (id: number, name: string) => call<Category>("rename_category", { id, name }),
  setCategoryRetired: (id: number, retired: boolean) => call<Category>("set_category_retired", { id, retired }),
  settings: () => call<Settings>("settings"),
  saveSettings: (settings: Settings) => call<Settings>("save_settings", { settings }),
  listPartnerships: () => call<PartnershipRow[]>("list_partnerships"),
  getPartnership: (id: number) => call<PartnershipPage>("get_partnership", { id }),
  listPeople: () => call<PersonRow[]>("list_people"),
  appoint: (input: AppointmentInput) => call<number>("appoint", { input }),
  /** Corrects an appointment's group, term and selection (the person, seat and role stay). */
  editAppointment: (appointmentId: number, input: AppointmentInput) => call<void>("edit_appointment", { appointmentId, input }),
  recordReportBack: (appointmentId: number, on: string, how: string, toWhom: string) =>
    call<number>("record_report_back", { appointmentId, on, how, toWhom }),
  partnershipInput: (id: number) => call<PartnershipInput>("partnership_input", { id }),
  savePartnership: (input: PartnershipInput) => call<number>("save_partnership", { input }),
  /** Every problem saving `input` would meet, saving nothing. */
  partnershipProblems: (input: PartnershipInput) => call<FieldProblem[]>("partnership_problems", { input }),
  seatInput: (id: number) => call<SeatInput>("seat_input", { id }),
  saveSeat: (input: SeatInput) => call<number>("save_seat", { input }),
  seatHistory: (seatId: number) => call<Appointment[]>("seat_history", { seatId }),
  getPerson: (id: number) => call<Person>("get_person", { id }),
  savePerson: (input: PersonInput) => call<number>("save_person", { input }),
  peopleDueForReview: () => call<ReviewDue[]>("people_due_for_review"),
  /** Writes the subject access file; an empty path means the documents folder. Returns where. */
  exportSubjectAccess: (id: number, path: string, replace = false) => call<string>("export_subject_access", { id, path, replace }),
  erasePerson: (id: number) => call<Erasure>("erase_person", { id }),
  endAppointment: (appointmentId: number, on: string) => call<void>("end_appointment", { appointmentId, on }),
  /** An empty `what` records a nil declaration ("nothing to declare"), which counts. */
  recordDeclaration: (appointmentId: number, on: string, what: string) =>
    call<number>("record_declaration", { appointmentId, on, what }),
  recordAttendance: (partnershipId: number, on: string, marks: AttendanceMark[]) =>
    call<number>("record_attendance", { partnershipId, on, marks }),
  /** Who the register of a meeting on `on` lists: those in post that day. */
  registerOn: (partnershipId: number, on: string) => call<RegisterEntry[]>("register_on", { partnershipId, on }),
  accountabilityLog: (appointmentId: number) => call<AccountabilityLog>("accountability_log", { appointmentId }),
  /** Scans for duplicates; `onProgress` hears the scan's progress events until it ends. */
  scanDuplicates: async (startReview: boolean, onProgress: (p: ScanProgress) => void) => {
    const stop = await listen<ScanProgress>("duplicate-scan-progress", (e) => onProgress(e.payload));
    try {
      return await call<DuplicateScan>("scan_duplicates", { startReview });
    } finally {
      stop();
    }
  },
  duplicateReviewProgress: (pending: number) => call<ReviewProgress>("duplicate_review_progress", { pending }),
  markNotDuplicate: (a: number, b: number) => call<null>("mark_not_duplicate", { a, b }),
  mergePreview: (kept: number, merged: number) => call<MergePreview>("merge_preview", { kept, merged }),
  mergeGroups: (kept: number, merged: number, choices: MergeChoices) => call<MergeOutcome>("merge_groups", { kept, merged, choices }),
  undoMerge: (mergeId: number | null) => call<MergeLogEntry>("undo_merge", { mergeId }),
  mergeLog: () => call<MergeLogEntry[]>("merge_log"),
  importPreview: (path: string) => call<ImportPreview>("import_preview", { path }),
  importCheck: (token: number, mapping: Mapping) => call<ImportCheck>("import_check", { token, mapping }),
  importSaveRejected: (token: number, path: string, replace = false) => call<number>("import_save_rejected", { token, path, replace }),
  importApply: (token: number, choices: Choices) => call<ImportSummary>("import_apply", { token, choices }),
  importUndo: (id: number) => call<UndoSummary>("import_undo", { id }),
  saveImportMapping: (name: string, mapping: Mapping) => call<NamedMapping[]>("save_import_mapping", { name, mapping }),
  exportGroupsCsv: (path: string, replace = false) => call<number>("export_groups_csv", { path, replace }),
  /** Imports the seats spreadsheet at `path`: every row, or none when any has a problem. */
  importSeats: (path: string) => call<SeatImportSummary>("import_seats", { path }),
  /** Takes a seats import back as one step; refused in words when something since depends on it. */
  undoSeatImport: (id: number) => call<SeatImportUndone>("undo_seat_import", { id }),
  /** The ward list's districts (with what uses them) and its record of loads and removals. */
  wardList: () => call<WardList>("ward_list"),
  /** The districts of the ward list file at `path`, to choose one before loading. */
  wardFileDistricts: (path: string) => call<FileDistrict[]>("ward_file_districts", { path }),
  /** Loads the wards of `district` (all, when null) from the file at `path`. */
  loadWards: (path: string, district: string | null) => call<WardsLoaded>("load_wards", { path, district }),
  /** Removes a district's wards; refused in words while a group or seat uses one. Returns how many. */
  removeWardDistrict: (district: string) => call<number>("remove_ward_district", { district }),
  checkWardDistrictRemoval: (district: string) => call<number>("check_ward_district_removal", { district }),
  /** Every earlier import, groups and seats, newest first. */
  listImports: () => call<EarlierImport[]>("list_imports"),
  /** The annual review pack for `year` (as typed) into `folder`; empty: a folder in Documents. */
  exportReviewPack: (year: string, folder: string) => call<ReviewPack>("export_review_pack", { year, folder }),
  /** Open Referral UK's organizations and identifiers into `folder`; empty: a folder in Documents. */
  exportOpenReferral: (folder: string) => call<OpenReferralExport>("export_open_referral", { folder }),
  /** The native dialog to choose a folder; null when cancelled. */
  chooseFolder: async (defaultPath: string): Promise<string | null> => {
    const p = await openDialog({ multiple: false, directory: true, defaultPath: defaultPath || undefined });
    return typeof p === "string" ? p : null;
  },
  /** Progress of a long check or import; returns the function that stops listening. */
  onImportProgress: (f: (p: ImportProgress) => void): Promise<UnlistenFn> => listen<ImportProgress>("import-progress", (e) => f(e.payload)),
  /** The native dialog to choose a CSV file; null when cancelled. */
  chooseCsvToOpen: async (): Promise<string | null> => {
    const p = await openDialog({ multiple: false, directory: false, filters: [{ name: "CSV and text files", extensions: ["csv", "txt", "tsv"] }] });
    return typeof p === "string" ? p : null;
  },
  /** The native dialog to choose where a CSV file goes; null when cancelled. */
  chooseCsvToSave: async (defaultPath: string): Promise<string | null> =>
    (await saveDialog({ defaultPath, filters: [{ name: "CSV files", extensions: ["csv"] }] })) ?? null,
  /** The representation matrix; `byGaps` puts the partnerships with most gaps first. */
  gapMatrix: (byGaps: boolean) => call<GapMatrix>("gap_matrix", { byGaps }),
  /** One cell with its explanation (the matrix comes without them: they are most of its size). */
  gapCell: (partnershipId: number, categoryId: number) => call<GapCell>("gap_cell", { partnershipId, categoryId }),
  /** The audit trail of a group, partnership or person, newest first. */
  auditTrail: (of: TrailOf, id: number) => call<AuditEntry[]>("audit_trail", { of, id }),
  /** Undoes one change of the trail (the undo is a new row). */
  undoChange: (entryId: number) => call<void>("undo_change", { entryId }),
  /** The backups beside the directory file, newest first. */
  listBackups: () => call<BackupFile[]>("list_backups"),
  /** Restores a listed backup after backing up what is there now; returns that safety backup's path. */
  restoreBackup: (path: string) => call<string>("restore_backup", { path }),
  seatBalance: () => call<SeatBalance[]>("seat_balance"),
  directoryCoverage: () => call<DirectoryCoverage>("directory_coverage"),
  defaultPicturePath: () => call<string>("default_picture_path"),
  /** Writes the matrix picture (SVG text); an empty path means the documents folder. Returns where. */
  savePicture: (path: string, svg: string, replace = false) => call<string>("save_picture", { path, svg, replace }),
};
