// The import wizard's rules that need no window: turning the column selects into a mapping and
// back, counting what the choices will do, and the words the steps show.
import type { FieldProblem } from "../../ipc/types";
import { formatDate } from "../directory/model";
import type { Choice, Choices, ImportCheck, ImportProgress, ImportSummary, Mapping, Match, MatchedRow, NamedMapping, OpenReferralExport, ReviewPack, UndoSummary } from "../../ipc/importTypes";

export const STEPS = ["Choose a file", "Match the columns", "Check the rows", "Import"] as const;
export type Step = 1 | 2 | 3 | 4;

/** For each column of the file, the field it fills ("" when not imported): the mapping's first
 * entry for that column. */
export function selectionsFromMapping(headers: string[], mapping: Mapping): string[] {
  return headers.map((h) => mapping.columns.find((c) => c.column === h)?.field ?? "");
}

/** The mapping the selects describe, in the file's column order. */
export function mappingFromSelections(headers: string[], selections: string[]): Mapping {
  return {
    columns: headers.flatMap((column, i) => (selections[i] ? [{ column, field: selections[i] }] : [])),
  };
}

/** The columns a mapping names that this file does not have. */
export function missingColumns(headers: string[], mapping: Mapping): string[] {
  const have = new Set(headers);
  return [...new Set(mapping.columns.map((c) => c.column).filter((c) => !have.has(c)))];
}

/** "a, b and c", for a list in a sentence. */
function listWords(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The file's columns in a sentence, each in quotes. */
function columnWords(headers: string[]): string {
  return listWords(headers.map((h) => `“${h}”`));
}

/** What is wrong with the selects before the rows are checked; empty when nothing is. */
export function selectionProblems(selections: string[], headers: string[]): string[] {
  return selections.includes("name")
    ? []
    : [
        `No column is chosen for the group's name: under “Fills the field”, choose “Name” for the column that holds each group's name (this file's columns are ${columnWords(headers)}).`,
      ];
}

/** When the suggested mapping takes no column for the name (a file of something else, or with
 * unusual column names): that no column looks like a name, the columns there are, and how to
 * choose one. Empty when the suggestion took one, or once one is chosen. */
export function noNameColumnWords(fileName: string, headers: string[], suggested: Mapping, selections: string[]): string {
  if (suggested.columns.some((c) => c.field === "name") || selections.includes("name")) return "";
  return (
    `No column of ${fileName} looks like a group's name. Its ${headers.length === 1 ? "column is" : `${headers.length} columns are`} ${columnWords(headers)}. ` +
    "If one of them holds the groups' names, choose “Name” for it under “Fills the field” below; if none does, this is not a file of groups: go back and choose another file."
  );
}

/** Where the suggested mapping came from, in words. */
export function suggestionWords(from: string | null): string {
  return from
    ? `Suggested: the “${from}” mapping, because this file has all of its columns.`
    : "Suggested from the column names: no saved mapping fits this file. Check each column.";
}

/** "Column names in row 1", as the detection step shows it. */
export function headerRowWords(row: number | null): string {
  if (row === null) return "None found: the columns are called column 1, column 2…";
  return row === 1 ? "Row 1" : `Row ${row} (the rows above it are skipped)`;
}

/** The choice in force for a matched row. */
export function choiceFor(choices: Choices, row: number): Choice {
  return choices.rows[row] ?? choices.on_match;
}

/** The same choice for every match: the per-row choices are dropped. */
export function chooseForAll(choice: Choice): Choices {
  return { on_match: choice, rows: {} };
}

/** One row's own choice; the same as "for all matches" is not kept, so changing that later moves it too. */
export function chooseForRow(choices: Choices, row: number, choice: Choice): Choices {
  const rows = { ...choices.rows };
  if (choice === choices.on_match) delete rows[row];
  else rows[row] = choice;
  return { on_match: choices.on_match, rows };
}

/** What importing with these choices will do: rows with no match are always new. */
export function countChoices(check: ImportCheck, choices: Choices): Record<Choice, number> {
  const out: Record<Choice, number> = { new: check.to_import - check.matched.length, update: 0, skip: 0 };
  for (const m of check.matched) out[choiceFor(choices, m.row)]++;
  return out;
}

/** The group each matched row chosen to update would update, as a key: "g12" for group 12 of
 * the directory, "r4" for the group row 4 of this file adds. A row matching an earlier row
 * updates whatever group that row goes to (its match's, when it updates or skips; its own, when
 * it is added), as the core's saving does. */
function updateTargets(check: ImportCheck, choices: Choices): string[] {
  const byRow = new Map(check.matched.map((m) => [m.row, m]));
  const groupOf = (row: number, seen = new Set<number>()): string => {
    const m = byRow.get(row);
    if (!m || seen.has(row) || choiceFor(choices, row) === "new") return `r${row}`;
    seen.add(row);
    return m.match.target.kind === "group" ? `g${m.match.target.id}` : groupOf(m.match.target.row, seen);
  };
  return check.matched.filter((m) => choiceFor(choices, m.row) === "update").map((m) => groupOf(m.row));
}

/** What importing with these choices will do, in words. Matched rows chosen to update are counted
 * as the groups they reach (a grants file lists one group once per grant), "up to", since a row
 * that brings nothing new changes nothing: the summary counts that row as unchanged, and which
 * rows do is only known when saving. */
export function checkOutcomeWords(check: ImportCheck, choices: Choices): string {
  const counts = countChoices(check, choices);
  const targets = updateTargets(check, choices);
  const groups = new Set(targets);
  const added = [...groups].filter((g) => g.startsWith("r")).length;
  const ofThem = added === 0 ? "" : groups.size === added ? ` (${added === 1 ? "it is" : "all are"} added by this import)` : ` (${added} of them added by this import)`;
  const update = counts.update === 0 ? "update 0 groups" : `update up to ${plural(groups.size, "group")}${ofThem} from ${plural(counts.update, "matched row")}`;
  const unchanged = counts.update === 0 ? "" : " A matched row that brings nothing new changes nothing and is counted as unchanged.";
  return `Importing will add ${plural(counts.new, "new group")}, ${update} and skip ${plural(counts.skip, "row")}.${unchanged} Nothing is saved until you import, and the import can be undone.`;
}

/** The cautious rule in words: what an update does with a row that is not its group's own. */
export const CAUTIOUS_WORDS = "Cells the row fills replace the group's, lists are added to, the group's name is kept (the row's becomes another name) and an empty cell leaves the group's value";

/** What "Update the match" will do with a matched row: for a row of this directory's own export
 * matched to the group with its id, each change it makes (clearing included); for any other, the
 * cautious rule, first saying why a row of the own export is treated so. */
export function updateWords(m: MatchedRow): string[] {
  if (m.edit === null) return m.cautious ? [`Treated cautiously: ${m.cautious}.`, CAUTIOUS_WORDS] : [CAUTIOUS_WORDS];
  if (m.edit.length === 0) return ["Nothing changes"];
  return m.edit;
}

/** "group 12" or "row 4 of this file". */
export function matchTargetWords(m: Match): string {
  return m.target.kind === "group" ? `${m.name} (in the directory)` : `${m.name} (row ${m.target.row} of this file)`;
}

/** A row's problem without the "row 4, column x:" the core puts in front, since the table has
 * those in their own columns. */
export function problemReason(p: FieldProblem): string {
  return p.message.replace(/^row \d+, column [^:]*: /, "");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/** What undoing a groups import did: "The import of grants.csv was undone: 3 groups removed, 1 group put back as it was." */
export function groupsUndoneWords(fileName: string, u: UndoSummary): string {
  return `The import of ${fileName} was undone: ${plural(u.removed, "group")} removed, ${plural(u.restored, "group")} put back as ${u.restored === 1 ? "it was" : "they were"}.`;
}

/** The progress bar's words. */
export function progressWords(p: ImportProgress | null): string {
  if (!p || p.total === 0) return "Working…";
  const what = p.stage === "checking" ? "Checked" : "Saved";
  return `${what} ${p.done.toLocaleString("en-GB")} of ${plural(p.total, "row")}`;
}

/** The summary in one sentence, for the live region. */
export function summaryWords(s: ImportSummary): string {
  const head = s.import_id === null ? "Nothing was imported" : "Import finished";
  // Every figure written the same way: "1,018 rows read, ... 1,014 unchanged", never "1014".
  const n = (x: number) => x.toLocaleString("en-GB");
  return `${head}: ${plural(s.read, "row")} read, ${n(s.added)} added, ${n(s.updated)} updated, ${n(s.unchanged)} unchanged, ${n(s.skipped)} skipped, ${n(s.rejected.length)} rejected.`;
}

/** Rows refused while saving (chosen as new, with a registration number that is already a
 * group's or an earlier row's), in a sentence; empty when there were none. */
export function refusedWhileSavingWords(s: ImportSummary, checkRejected: number): string {
  const n = s.rejected.length - checkRejected;
  if (n <= 0) return "";
  return (
    `${plural(n, "row")} could not be added as ${n === 1 ? "a new group" : "new groups"}: ${n === 1 ? "its" : "each one's"} registration number is already a group's or an earlier row's. ` +
    `${n === 1 ? "It is" : "They are"} among the rejected rows; to add ${n === 1 ? "its" : "their"} details to that group, import the file again and choose “Update the match” for ${n === 1 ? "it" : "them"}.`
  );
}

/** The mappings the user may start from, saved ones after the built-in ones, the suggestion first if it is one. */
export function orderedMappings(all: NamedMapping[], suggested: string | null): NamedMapping[] {
  const first = all.filter((m) => m.name === suggested);
  return [...first, ...all.filter((m) => m.name !== suggested)];
}

/** A file name for today's export: groups-2026-11-23.csv. */
export function exportFileName(today: string): string {
  return `groups-${today}.csv`;
}

/** The rejected-rows file's name beside the imported one's: grants.csv → grants-rejected.csv. */
export function rejectedFileName(fileName: string): string {
  const base = fileName.replace(/\.(csv|txt|tsv)$/i, "");
  return `${base || "import"}-rejected.csv`;
}

/** What the review pack holds and where, in a sentence (its date as the pages write dates: "31 December 2025"), with the reminder that it is personal data. */
export function reviewPackWords(p: ReviewPack): string {
  return (
    `The ${p.year} review pack (judged as at ${formatDate(p.as_of)}) was written to ${p.folder}: ` +
    `${plural(p.partnerships, "partnership")}, ${plural(p.seats, "seat")}, ${plural(p.gaps, "gap cell")} and ${plural(p.groups, "group")}. ` +
    "It holds personal data."
  );
}

/** What the Open Referral UK export wrote and where, in a sentence. */
export function openReferralWords(e: OpenReferralExport): string {
  const left = e.left_out ? ` ${plural(e.left_out, "closed or dormant group")} left out.` : "";
  return `${plural(e.organizations, "organization")} and ${plural(e.identifiers, "identifier")} written to ${e.folder} (${e.files.join(", ")}).${left}`;
}

/** Whether updating with a matched row changes its group as far as step 3 can tell: a row of
 * this directory's own export with changes listed, or any other matched row (its update adds
 * what it fills, which is not worked out beforehand). */
export function changesSomething(m: MatchedRow): boolean {
  return m.edit === null || m.edit.length > 0;
}
