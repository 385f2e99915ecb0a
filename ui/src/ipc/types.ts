// The shapes that cross the IPC boundary. They mirror the serde types in
// src-tauri/crates/core/src/domain (snake_case on both sides, so nothing is renamed in between).

export type Side = "community" | "voluntary";
export type GroupClass = "community" | "voluntary" | "mixed" | "unclassified";
export type Status = "active" | "dormant" | "closed";
export type Enterprise = "social" | "community";

export interface Ward { id: number; code: string; name: string; district: string }
export interface Category { id: number; key: string; name: string; retired: boolean }
export interface Feature { number: number; title: string; community_side: string; voluntary_side: string }
export interface ReferenceData { wards: Ward[]; categories: Category[]; features: Feature[] }

export interface Identifier { scheme: string; value: string }
export interface FeatureAnswer { number: number; side: Side | null; evidence: string }

/** What the add/edit form sends. `id: null` adds a new group. */
export interface GroupInput {
  id: number | null;
  name: string;
  other_names: string[];
  identifiers: Identifier[];
  address: string;
  postcode: string;
  ward_id: number | null;
  email: string;
  phone: string;
  website: string;
  activities: string;
  status: Status;
  last_checked: string | null; // YYYY-MM-DD
  last_checked_by: string;
  features: FeatureAnswer[]; // always 8, numbers 1..8
  class_override: Exclude<GroupClass, "unclassified"> | null;
  class_override_reason: string;
  enterprise: Enterprise | null;
  faith: boolean;
  faith_name: string;
  bme_led: boolean;
  bme_serving: boolean;
  place_ward_ids: number[]; // community of place: wards served
  interest: string; // community of interest or identity, in words
  category_ids: number[]; // socially excluded categories it works with or speaks for
}

export interface Suggestion {
  class: GroupClass;
  community: number;
  voluntary: number;
  known: number;
  reason: string; // e.g. "6 of 7 known features on the community side"
}

export interface ClassChange { at: string; kind: "suggested" | "set" | "cleared"; class: GroupClass; reason: string }

export interface Group extends GroupInput {
  id: number;
  /** The name as shown for reading (the core's names::shown_name: capitals in title case); the
   * form edits `name`, as stored. */
  shown_name: string;
  suggestion: Suggestion;
  served_category_ids: number[];
  class: GroupClass; // the class in force: the one staff set, else the suggestion
  history: ClassChange[];
  is_demo: boolean;
  created_at: string;
  updated_at: string;
}

/** One row of the directory list. */
export interface GroupRow {
  id: number;
  name: string; // as stored: sorting and the name filter use it
  shown_name: string; // as shown (capitals in title case, by the core's rule)
  other_names: string[]; // the filter by name looks at these too
  ward_id: number | null;
  ward: string | null;
  postcode: string;
  class: GroupClass;
  status: Status;
  faith: boolean;
  bme: boolean;
  last_checked: string | null;
  served_category_ids: number[]; // ticked, plus faith groups / minority ethnic groups by the flags
  /** Needs checking with the group, as the core's rule has it (the directory's period, as of the
   * day the list was read): the Directory's filter and "Needs checking" tags read this. */
  due_for_check: boolean;
}

export interface Settings { stale_months: number }

export interface DirectorySummary { groups: number; partnerships: number; demo_loaded: boolean; db_path: string }

/** Errors arrive as this object; branch on `code`, show `message`, put `fields` beside their inputs. */
export interface FieldProblem { field: string; message: string }
/** A group already in the directory that a new one is probably the same as; `place` follows its
 * name ("at WA15 7DD (charity 1110767)", "in Priory ward"), empty when not known. */
export interface LikelyDuplicate { id: number; name: string; shown_name: string; place: string }

/** `likely_duplicates` comes only with the code "likely_duplicate": the groups a new one may be. */
export interface AppError {
  code: "invalid" | "not_found" | "conflict" | "exists" | "storage" | "disk_full" | "damaged" | "likely_duplicate" | "internal";
  message: string;
  fields: FieldProblem[];
  likely_duplicates?: LikelyDuplicate[];
}

/** One search result: `name_positions` are character indexes in `name` (and so in `shown_name`) to highlight; `matched_in`
 * says which other field matched when it was not the name (e.g. "postcode: m6 5ja"). */
export interface Hit { id: number; name: string; shown_name: string; score: number; name_positions: number[]; matched_in: string; place: string }

export type FlagKind =
  | "vacant" | "term_ended" | "term_ending" | "not_openly_selected" | "no_constituency"
  | "report_back_overdue" | "no_declaration" | "poor_attendance" | "over_consulted_person" | "over_consulted_group";
export interface Flag { kind: FlagKind; seat_id: number; appointment_id: number | null; message: string }

/** A partnership's next annual review once its day has passed: `message` is "overdue since 12
 * November 2026, 12 days ago". */
export interface ReviewOverdue { since: string; days: number; message: string }
export interface PartnershipRow {
  id: number; name: string; kind: string; convenor: string; seats: number; vacant: number; problems: number;
  review_overdue: ReviewOverdue | null;
}
export interface Holder {
  appointment_id: number; person_id: number; person: string; group_id: number | null; group: string | null; group_shown_name: string | null;
  group_class: GroupClass | null; term_start: string; term_end: string | null; selection: string; openly_selected: boolean;
}
export interface SeatRow {
  id: number; label: string; sector: string; constituency: string;
  /** The names of the wards and categories (communities of interest) it speaks for. */
  wards: string[]; categories: string[];
  holder: Holder | null; alternate: Holder | null; flags: Flag[];
}
export interface PartnershipPage {
  id: number; name: string; kind: string; convenor: string; meeting_pattern: string; report_back_days: number;
  last_review: string | null; next_review: string | null; review_overdue: ReviewOverdue | null; seats: SeatRow[];
}
export interface PersonRow { id: number; name: string }
export type Selection = "open_election" | "open_nomination" | "appointed" | "co_opted" | "invited";
export interface AppointmentInput {
  seat_id: number; person_id: number | null; new_person: string; group_id: number | null;
  term_start: string; term_end: string | null; selection: Selection; openly_selected: boolean;
  /** Holder (the default) or alternate. */
  role?: Role;
}
export type Role = "holder" | "alternate";
export type PartnershipKind = "strategic" | "service_delivery" | "network" | "forum";
export type Sector = "public" | "vcse" | "business" | "residents" | "other";

/** A partnership's own thresholds for what stands out. */
export interface FlagSettings {
  report_back_days: number; term_ending_days: number; declaration_months: number;
  attendance_meetings: number; attendance_min_percent: number; over_consulted_partnerships: number;
}
/** What the partnership form sends. `id: null` adds one. Dates are YYYY-MM-DD or null. */
export interface PartnershipInput {
  id: number | null; name: string; kind: PartnershipKind; convenor: string; meeting_pattern: string;
  last_review: string | null; next_review: string | null; settings: FlagSettings;
}
/** What the seat form sends. `id: null` adds a seat at the end of the list. */
export interface SeatInput {
  id: number | null; partnership_id: number; label: string; sector: Sector; constituency: string;
  category_ids: number[]; ward_ids: number[]; selection: string; ended_on: string | null;
}
export type LawfulBasis = "consent" | "legitimate_interest";
export interface PersonInput {
  id: number | null; name: string; email: string; phone: string; lawful_basis: LawfulBasis; consent_date: string | null;
  consent_how: string; consent_told: string; review_date: string | null;
}
/** One appointment, as a seat's history and a person's page list them. */
export interface Appointment {
  id: number; partnership_id: number; partnership: string; seat_id: number; seat: string; person_id: number; person: string;
  group_id: number | null; group: string | null; group_shown_name: string | null; role: Role; term_start: string; term_end: string | null;
  selection: Selection; openly_selected: boolean;
}
export interface Person {
  id: number; name: string; email: string; phone: string; lawful_basis: LawfulBasis; consent_date: string | null;
  consent_how: string; consent_told: string; review_date: string | null; erased_at: string | null; appointments: Appointment[];
}
/** A person whose record is due for review (UK GDPR), with the reason in words. */
export interface ReviewDue { id: number; name: string; lawful_basis: LawfulBasis; review_date: string | null; reason: string }
/** What an erasure did; backups taken before it still hold the person until they rotate out. */
export interface Erasure { person_id: number; placeholder: string; erased_at: string; backups_still_holding: BackupFile[] }
export type Attended = "present" | "apologies" | "absent";
export interface ReportBack { id: number; on_date: string; how: string; to_whom: string }
export interface Declaration { id: number; on_date: string; what: string; is_nil: boolean }
export interface AttendanceRecord { meeting_id: number; on_date: string; status: Attended }
export interface AttendanceMark { appointment_id: number; status: Attended }
/** Someone in post on a meeting's day, with their mark if that day's meeting is recorded. */
export interface RegisterEntry { appointment_id: number; person: string; seat: string; role: Role; recorded: Attended | null }
export interface AccountabilityLog { appointment_id: number; report_backs: ReportBack[]; declarations: Declaration[]; attendance: AttendanceRecord[] }

// Duplicate groups (src-tauri/crates/core/src/store/duplicates.rs, store/merge.rs). The `*_shown_name`
// fields are the names as shown for reading (capitals in title case); the others as stored.
export interface DuplicatePair {
  group_a: number; group_a_name: string; group_a_shown_name: string;
  group_b: number; group_b_name: string; group_b_shown_name: string; score: number; reasons: string[];
}
export interface DuplicateCluster { group_ids: number[]; names: string[]; shown_names: string[]; best_score: number; pairs: number }
export interface ReviewProgress { reviewed: number; total: number }
export interface DuplicateScan { pairs: DuplicatePair[]; clusters: DuplicateCluster[]; progress: ReviewProgress; candidates: number }
export interface ScanProgress { stage: "preparing" | "comparing"; done: number; total: number }
export type Pick = "kept" | "merged";
export type MergeField =
  | "name" | "address" | "postcode" | "ward" | "email" | "phone" | "website" | "activities" | "status"
  | "last_checked" | "class_override" | "enterprise" | "faith" | "bme" | "interest" | "features";
export interface FieldPreview { field: MergeField; label: string; kept: string; merged: string; differs: boolean; default: Pick }
/** The name row of `fields` holds the names as stored, for choosing; headings use the shown names. */
export interface MergePreview {
  kept_id: number; kept_name: string; kept_shown_name: string; merged_id: number; merged_name: string; merged_shown_name: string;
  fields: FieldPreview[]; notes: string[];
}
export interface MergeChoices { fields: Partial<Record<MergeField, Pick>> }
/** `kept_name` is the kept group's name after the merge (it may be the other's), `kept_name_before` before it. */
export interface MergeOutcome {
  merge_id: number; kept_id: number; merged_id: number; kept_name: string; kept_name_before: string; merged_name: string;
  kept_shown_name: string; kept_shown_name_before: string; merged_shown_name: string; notes: string[];
}
export interface MergeLogEntry {
  id: number; at: string; kept_id: number; merged_id: number; kept_name: string; kept_name_after: string; merged_name: string;
  kept_shown_name: string; kept_shown_name_after: string; merged_shown_name: string; undone_at: string | null;
}

// Representation gaps (src-tauri/crates/core/src/domain/{gaps,balance,coverage}.rs).
export type CoverageStatus = "covered" | "weak" | "missing";
export type Through = "constituency" | "group" | "faith_group" | "bme_group";
export interface Via { seat_id: number; appointment_id: number; role: Role; through: Through; flagged: boolean }
export interface GapCounts { covered: number; weak: number; missing: number; reserved_vacant: number }
export interface GapCell { status: CoverageStatus; reserved_vacant: boolean; explanation: string; seats: Via[]; reserved_seat_ids: number[] }
export interface GapColumn { category_id: number; name: string; retired: boolean; totals: GapCounts }
export interface GapRow { partnership_id: number; name: string; cells: GapCell[]; counts: GapCounts }
export interface GapMatrix { columns: GapColumn[]; rows: GapRow[] }
export interface BalanceWarning { kind: "no_community_group" | "no_faith_or_bme"; message: string }
export interface SeatBalance {
  partnership_id: number; name: string; seats: number; vcse_seats: number; residents_seats: number; vacant: number;
  community: number; voluntary: number; mixed: number; unclassified: number; no_group: number;
  faith_seats: number; bme_seats: number; faith_groups: string[]; bme_groups: string[]; warnings: BalanceWarning[];
}
export interface CoverageColumn { category_id: number; name: string; groups: number; wards_without: number }
export interface CoverageRow { ward_id: number; ward: string; groups: number[]; gaps: number }
export interface CoverageGap { ward_id: number; ward: string; category_id: number; category: string; groups_elsewhere: number }
export interface DirectoryCoverage { columns: CoverageColumn[]; rows: CoverageRow[]; gaps: CoverageGap[] }

/** Whose audit trail to read. */
export type TrailOf = "group" | "partnership" | "person";
/** One row of the audit trail, in words (`before`/`after` are empty for additions and removals). */
export interface AuditEntry {
  id: number; at: string; actor: string; subject: string; subject_id: number;
  action: "created" | "changed" | "deleted" | "erased"; field: string | null; what: string;
  before: string; after: string; undoes: number | null; undone_by: number | null; can_undo: boolean;
  /** The seats file whose import made this change (undone as a whole under Import and export). */
  imported_from: string | null;
  /** In a group's history, a change of another group merged into it (by that merge). */
  from_group: { group_id: number; name: string; shown_name: string; merge_id: number } | null;
}
/** A backup beside the directory file: `taken` is UTC as yyyymmddThhmmss.mmm; `reason` why it was
 * taken; `import_file`, for one taken before an import, that import's file when the records say. */
export interface BackupFile { path: string; taken: string; reason: string; import_file: string | null }

/** One district of the ward list, with what uses its wards. `name` is "" for wards with no district. */
export interface WardDistrict { name: string; wards: number; groups: number; seats: number }
/** A load or removal in the ward list's record. */
export interface WardListChange { at: string; actor: string; action: "loaded" | "removed"; district: string; file: string; added: number; renamed: number; removed: number }
export interface WardList { districts: WardDistrict[]; changes: WardListChange[] }
/** A district in a ward list file, before it is loaded. */
export interface FileDistrict { name: string; wards: number }
export interface WardsLoaded { read: number; added: number; renamed: number }
