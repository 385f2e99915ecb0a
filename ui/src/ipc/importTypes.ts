// What the import wizard and the groups export receive from Rust (commands/import.rs and the
// core's store/group_import.rs). Kept apart from types.ts: one screen's shapes in one file.
import type { FieldProblem } from "./types";

/** A field key, as the core's `Field::key()`: "name", "postcode", "charity_number"... */
export type FieldKey = string;
export interface ColumnField { column: string; field: FieldKey }
export interface Mapping { columns: ColumnField[] }
export interface NamedMapping { name: string; mapping: Mapping; built_in: boolean }
/** `from` names the built-in or saved mapping the file fits; null when guessed from the column names. */
export interface MappingSuggestion { mapping: Mapping; from: string | null }
export interface FieldOption { key: FieldKey; label: string }

export interface ImportPreview {
  token: number;
  file_name: string;
  encoding: string;
  delimiter: string;
  header_row: number | null;
  headers: string[];
  first_rows: string[][];
  suggestion: MappingSuggestion;
  mappings: NamedMapping[];
  fields: FieldOption[];
}

export type MatchTarget = { kind: "group"; id: number } | { kind: "row"; row: number };
export interface Match { target: MatchTarget; name: string; reason: string }
/** `edit`: for a row of this directory's own export that matched the group with its id, what
 * updating will change, in words (empty when nothing); null for other rows. */
export interface MatchedRow {
  row: number;
  shown_name: string;
  /** The name as the file has it (the stored form, not title-cased). */
  name: string;
  match: Match;
  edit: string[] | null;
  /** For a row of this directory's own export whose id is not its group's: why it is cautious. */
  cautious: string | null;
}
export interface RejectedRow { row: number; cells: string[]; problems: FieldProblem[] }

export interface ImportCheck {
  token: number;
  read: number;
  to_import: number;
  matched: MatchedRow[];
  rejected: RejectedRow[];
  /** The file is this directory's groups export, read with its own mapping. */
  round_trip: boolean;
  /** "12 rows change their group; 3 of them clear a field (5 fields)"; null unless an own export. */
  edits_in_words: string | null;
}

export type Choice = "new" | "update" | "skip";
/** `rows` is keyed by the row number as a spreadsheet shows it. */
export interface Choices { on_match: Choice; rows: Record<number, Choice> }

export interface ImportProgress { stage: "checking" | "saving"; done: number; total: number }
export interface ImportSummary {
  import_id: number | null;
  read: number;
  added: number;
  /** Matched rows that changed their group. */
  updated: number;
  /** Matched rows chosen to update their group that had nothing new for it (the group is left alone). */
  unchanged: number;
  skipped: number;
  rejected: RejectedRow[];
}
export interface UndoSummary { removed: number; restored: number }

/** An earlier import of either kind, as the Import and export screen lists it (newest first). */
export interface EarlierImport {
  kind: "groups" | "seats";
  /** Its id among imports of its kind: what its kind's undo takes. */
  id: number;
  file_name: string;
  /** UTC. */
  at: string;
  /** Who imported it; null for group imports made before this was recorded. */
  actor: string | null;
  /** What it saved, in words. */
  what: string;
  undone_at: string | null;
}

/** What a seats spreadsheet saved (the core's store/seat_import.rs). Partnerships the file named
 * that were not in the directory are made as forums, to be corrected by their secretary. */
export interface SeatImportSummary {
  /** The import's record, to undo it as one step; null when the file changed nothing (every row
   * already recorded): nothing was recorded and there is nothing to undo. */
  import_id: number | null;
  rows: number;
  partnerships_created: string[];
  seats_created: number;
  seats_updated: number;
  people_created: number;
  appointments_created: number;
  /** The same person on the same seat from the same day: a file imported again doubles no one. */
  appointments_already_recorded: number;
}

/** What undoing a seats import took away and put back, and the same in words. */
export interface SeatImportUndone {
  partnerships_removed: number;
  seats_removed: number;
  seats_restored: number;
  people_removed: number;
  appointments_removed: number;
  words: string;
}

/** What the annual review pack wrote: the folder, the day it was judged on, and the rows of each file. */
export interface ReviewPack { folder: string; year: number; as_of: string; partnerships: number; seats: number; gaps: number; groups: number }
/** What the Open Referral UK export wrote, and where. */
export interface OpenReferralExport { folder: string; files: string[]; organizations: number; identifiers: number; left_out: number }
