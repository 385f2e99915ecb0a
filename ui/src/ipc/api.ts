// The only module that talks to Rust. Every command has one typed function here; components
// import these and never call `invoke` themselves. Rejections are normalised to AppError.
import { invoke } from "@tauri-apps/api/core";
import type {
  AppError,
  AppointmentInput,
  PartnershipPage,
  PartnershipRow,
  PersonRow,
  DirectorySummary,
  FeatureAnswer,
  Group,
  GroupInput,
  GroupRow,
  Hit,
  Category,
  ReferenceData,
  Settings,
  Suggestion,
} from "./types";

export function toAppError(e: unknown): AppError {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const o = e as Partial<AppError>;
    return { code: o.code ?? "internal", message: String(o.message), fields: Array.isArray(o.fields) ? o.fields : [] };
  }
  return { code: "internal", message: e instanceof Error ? e.message : String(e), fields: [] };
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
  saveGroup: (input: GroupInput) => call<Group>("save_group", { input }),
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
  recordReportBack: (appointmentId: number, on: string, how: string, toWhom: string) =>
    call<number>("record_report_back", { appointmentId, on, how, toWhom }),
};
