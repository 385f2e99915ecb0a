// Pure helpers for the partnership screens, kept out of the components so they can be unit-tested.
import type { FieldProblem, FlagSettings, Holder, PartnershipInput, SeatInput, SeatRow } from "../../ipc/types";
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

/** The holder of each seat and its alternate, in post today: whom a meeting's register lists. */
export function registerOf(seats: SeatRow[], today: string): { appointment_id: number; person: string; seat: string; role: "holder" | "alternate" }[] {
  const out: { appointment_id: number; person: string; seat: string; role: "holder" | "alternate" }[] = [];
  for (const s of seats) {
    const h = inPost(s.holder, today);
    if (h) out.push({ appointment_id: h.appointment_id, person: h.person, seat: s.label, role: "holder" });
    const a = inPost(s.alternate, today);
    if (a) out.push({ appointment_id: a.appointment_id, person: a.person, seat: s.label, role: "alternate" });
  }
  return out;
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

/** A whole number as typed in a threshold field, or null when it is not one. */
export function wholeNumber(text: string | number): number | null {
  const t = String(text).trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}
