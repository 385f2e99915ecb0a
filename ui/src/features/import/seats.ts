// The seats import's words and its refusal, worked out without a window: what a seats file holds,
// the summary in sentences, and a refused file split into its rows' problems and the one about the
// file itself.
import { toAppError } from "../../ipc/api";
import type { SeatImportSummary, SeatImportUndone } from "../../ipc/importTypes";
import { plural } from "./model";

/** The columns a seats file may have, as the core's import::seats::COLUMNS; the first three are needed. */
export const SEAT_COLUMNS = ["partnership", "seat", "sector", "constituency", "holder", "holder_group", "term_start", "term_end", "selection"] as const;

/** One problem of a refused file, as the table shows it. */
export interface SeatProblem {
  row: number;
  column: string;
  reason: string;
}

/** A refused file: every row's problem, and what is wrong with the file or its path as a whole
 * (shown beside the path; empty when the rows say it all). */
export interface SeatRefusal {
  rows: SeatProblem[];
  file: string;
}

// The core words every cell's problem "row N, column C: why" (import::cell_problem).
const CELL = /^row (\d+), column ([^:]+): ([\s\S]*)$/;

/** Splits a refusal: the rows' problems into the table, anything else (an empty file, a workbook,
 * no such path, a storage failure) into one sentence for beside the path. */
export function seatRefusal(e: unknown): SeatRefusal {
  const ae = toAppError(e);
  const rows: SeatProblem[] = [];
  const other: string[] = [];
  for (const f of ae.fields) {
    const m = CELL.exec(f.message);
    if (m) rows.push({ row: Number(m[1]), column: m[2], reason: m[3] });
    else other.push(f.message);
  }
  const file = other.length ? other.join("; ") : ae.fields.length ? "" : ae.message;
  return { rows, file };
}

/** The file's name from its path (either slash), for the sentences about it. */
export function fileNameOf(path: string): string {
  const p = path.trim();
  return p.slice(Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\")) + 1) || p;
}

/** "no seats" for 0, else the count and the noun ("1 seat", "3 seats"). */
function count(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? `no ${many}` : plural(n, one, many);
}

/** The summary in one sentence, for the live region. */
export function seatSummaryWords(fileName: string, s: SeatImportSummary): string {
  if (s.import_id === null) {
    return `Nothing changed: every row of ${fileName} is already recorded (${plural(s.rows, "row")}, ${plural(s.appointments_already_recorded, "appointment")} already recorded). No import was recorded, so there is nothing to undo.`;
  }
  return (
    `${fileName} imported: ${plural(s.rows, "row")}, ${count(s.seats_created, "seat")} added and ${count(s.seats_updated, "seat")} updated, ` +
    `${count(s.people_created, "person", "people")} added, ${count(s.appointments_created, "appointment")} added` +
    (s.appointments_already_recorded ? ` and ${plural(s.appointments_already_recorded, "appointment")} already recorded.` : ".")
  );
}

/** The partnerships the file made, which are forums until someone says otherwise; empty when none. */
export function newPartnershipsWords(s: SeatImportSummary): string {
  const names = s.partnerships_created;
  if (!names.length) return "";
  const one = names.length === 1;
  return (
    `${one ? "A new partnership was" : `${names.length} new partnerships were`} made as ${one ? "a forum" : "forums"}: ${names.join(", ")}. ` +
    `Open ${one ? "it" : "each"} under Partnerships and choose Edit partnership to set ${one ? "its" : "their"} kind, convening body and meeting pattern.`
  );
}

/** The refused file's heading: "seats.csv was not imported: 2 problems". */
export function refusedHeading(fileName: string, problems: number): string {
  return `${fileName} was not imported: ${plural(problems, "problem")}`;
}

/** What undoing the import did, in a sentence: "The import of seats.csv was undone: 1 partnership … removed." */
export function seatUndoneWords(fileName: string, u: SeatImportUndone): string {
  return `The import of ${fileName} was undone: ${u.words}.`;
}
