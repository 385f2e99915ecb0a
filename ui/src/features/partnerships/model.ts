// Pure helpers for the partnership screens, kept out of the components so they can be unit-tested.
import type { Attended, FieldProblem, FlagSettings, Holder, PartnershipInput, RegisterEntry, SeatInput, Selection } from "../../ipc/types";
import { wholeNumber } from "../forms/number";
import { sentence } from "../directory/model";

/** The core's defaults (domain/flags.rs), for a new partnership's form. */
export const DEFAULT_SETTINGS: FlagSettings = {
  report_back_days: 90,
  term_ending_days: 60,
  declaration_months: 12,
  attendance_meetings: 6,
  attendance_min_percent: 50,
  over_consulted_partnerships: 3,
};

export function emptyPartnership(): PartnershipInput {
  return { id: null, name: "", kind: "forum", convenor: "", meeting_pattern: "", last_review: null, next_review: null, settings: { ...DEFAULT_SETTINGS } };
}

export function emptySeat(partnershipId: number): SeatInput {
  return { id: null, partnership_id: partnershipId, label: "", sector: "vcse", constituency: "", category_ids: [], ward_ids: [], selection: "", ended_on: null };
}

/** A date as typed: ISO stays as it is, a UK day-first date (14/3/2026) becomes ISO, and anything
 * else is sent as typed so Rust refuses it beside the field in words. Empty is null. */
export function isoDate(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : t;
}

/** The holder still in post on `today` (ISO): a term that ended before today leaves the seat vacant. */
export function inPost(h: Holder | null, today: string): Holder | null {
  return h && (!h.term_end || h.term_end >= today) ? h : null;
}

/** The marks a meeting's register starts from when its list of people changes (the date was
 * changed): a mark the user set stays for anyone still listed, else the mark already recorded
 * for that day's meeting, else present. */
export function carryMarks(entries: RegisterEntry[], marks: Record<number, Attended>, touched: ReadonlySet<number>): Record<number, Attended> {
  return Object.fromEntries(entries.map((e) => [e.appointment_id, (touched.has(e.appointment_id) ? marks[e.appointment_id] : undefined) ?? e.recorded ?? "present"]));
}

/** Whether "The selection was open and transparent" starts ticked for a method: election and
 * nomination by the constituency are open by their nature (the Compact's accountability
 * commitments); appointing, co-opting and inviting are not, so the box is then unticked and
 * ticking it is a claim made on purpose. Mirrors `Selection::is_open` in the core. */
export function openByDefault(selection: Selection): boolean {
  return selection === "open_election" || selection === "open_nomination";
}

/** The thresholds as typed: what to send (a field that is not a whole number sends the default
 * in its place, so the rest of the form can still be checked in the same round) and the fields
 * that are not whole numbers, with their problems. */
export function readThresholds(typed: Record<keyof FlagSettings, string>, labels: Record<keyof FlagSettings, string>): { settings: FlagSettings; bad: FieldProblem[] } {
  const settings = { ...DEFAULT_SETTINGS };
  const bad: FieldProblem[] = [];
  for (const k of Object.keys(DEFAULT_SETTINGS) as (keyof FlagSettings)[]) {
    const n = wholeNumber(typed[k]);
    if (n === null) bad.push({ field: `settings.${k}`, message: `${labels[k]}: enter a whole number` });
    else settings[k] = n;
  }
  return { settings, bad };
}

/** The form's own problems and the core's, one per field: the core's word on a field the form
 * replaced with a default is about the default, so it is left out. */
export function allProblems(local: FieldProblem[], core: FieldProblem[]): FieldProblem[] {
  const replaced = new Set(local.map((p) => p.field));
  return [...local, ...core.filter((p) => !replaced.has(p.field))];
}

/** `settings.report_back_days` -> `pf-report-back-days`, `category_ids[2]` -> `seat-category-ids`.
 * Null when the form has no such field (then the problem shows in the summary only). */
export function fieldId(prefix: string, field: string, known: readonly string[]): string | null {
  const key = field.replace(/^settings\./, "").replace(/\[\d+\](\..*)?$/, "");
  return known.includes(key) ? `${prefix}-${key.replace(/_/g, "-")}` : null;
}

/** A refused save as the form shows it: messages by input id, and the summary's items in the
 * order of the form's fields (`known` lists them in that order; Rust checks them in its own), then
 * the problems that belong to no field, as Rust gave them. */
export function formProblems(prefix: string, fields: FieldProblem[], known: readonly string[]): { byId: Record<string, string>; items: { id: string | null; message: string }[] } {
  const byId: Record<string, string> = {};
  const ordered: { at: number; item: { id: string | null; message: string } }[] = [];
  for (const f of fields) {
    const id = fieldId(prefix, f.field, known);
    const message = sentence(f.message);
    if (id !== null) {
      if (id in byId) continue;
      byId[id] = message;
    }
    const at = id === null ? known.length : known.findIndex((k) => id === fieldId(prefix, k, known));
    ordered.push({ at, item: { id, message } });
  }
  // Array.prototype.sort is stable: problems of one place keep Rust's order.
  return { byId, items: ordered.sort((a, b) => a.at - b.at).map((o) => o.item) };
}

/** "1 day", "90 days". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export { wholeNumber } from "../forms/number";
