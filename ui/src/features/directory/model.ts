// Pure helpers for the directory screens, kept out of the components so they can be unit-tested.
import type { FieldProblem, Group, GroupClass, GroupInput, GroupRow } from "../../ipc/types";

export const CLASS_LABELS: Record<GroupClass, string> = {
  community: "Community group",
  voluntary: "Voluntary organisation",
  mixed: "Mixed",
  unclassified: "Not yet classified",
};

export const STATUS_LABELS = { active: "Active", dormant: "Dormant", closed: "Closed" } as const;

export const SCHEMES: { value: string; label: string }[] = [
  { value: "GB-CHC", label: "Charity number (England and Wales)" },
  { value: "GB-COH", label: "Company number" },
  { value: "GB-SC", label: "Scottish charity number" },
  { value: "GB-NIC", label: "Northern Ireland charity number" },
];

export function emptyInput(): GroupInput {
  return {
    id: null,
    name: "",
    other_names: [],
    identifiers: [],
    address: "",
    postcode: "",
    ward_id: null,
    email: "",
    phone: "",
    website: "",
    activities: "",
    status: "active",
    last_checked: null,
    last_checked_by: "",
    features: [1, 2, 3, 4, 5, 6, 7, 8].map((number) => ({ number, side: null, evidence: "" })),
    class_override: null,
    class_override_reason: "",
    enterprise: null,
    faith: false,
    faith_name: "",
    bme_led: false,
    bme_serving: false,
    place_ward_ids: [],
    interest: "",
    category_ids: [],
  };
}

/** The editable part of a group, as a fresh object (the form must not change what is shown). */
export function toInput(g: Group): GroupInput {
  const base = emptyInput();
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(base) as (keyof GroupInput)[]) {
    // A JSON copy, not structuredClone: the group may be a Svelte state proxy, which cannot be cloned.
    out[key] = g[key] === undefined ? undefined : JSON.parse(JSON.stringify(g[key]));
  }
  return out as unknown as GroupInput;
}

export type SortKey = "name" | "ward" | "postcode" | "class" | "status" | "last_checked";

export function sortRows(rows: GroupRow[], key: SortKey, ascending: boolean): GroupRow[] {
  const value = (r: GroupRow): string => {
    if (key === "class") return CLASS_LABELS[r.class];
    return (r[key] ?? "") as string;
  };
  const sorted = [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    // Empty values (never checked, no ward) go last whichever way the column is sorted.
    if (!va && vb) return 1;
    if (va && !vb) return -1;
    const c = va.localeCompare(vb, "en-GB", { sensitivity: "base", numeric: true });
    return (ascending ? c : -c) || a.name.localeCompare(b.name, "en-GB");
  });
  return sorted;
}

export interface Filters {
  text: string;
  class: GroupClass | "";
  faith: "" | "yes" | "no";
  bme: "" | "yes" | "no";
  wardId: number | null;
  categoryId: number | null;
  status: GroupRow["status"] | "";
  staleOnly: boolean;
}

export const NO_FILTERS: Filters = { text: "", class: "", faith: "", bme: "", wardId: null, categoryId: null, status: "", staleOnly: false };

/** The date `months` months before `today` (YYYY-MM-DD), clamped to the month's last day. */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split("-").map(Number);
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${String(tm + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Not checked with the group for `months` months (or never), as the needs-checking queue counts it. */
export function isStale(r: GroupRow, today: string, months: number): boolean {
  return r.status !== "closed" && (r.last_checked === null || r.last_checked <= monthsBefore(today, months));
}

/** Every filter at once; an empty filter lets everything through. */
export function filterRows(rows: GroupRow[], f: Filters, today: string, staleMonths: number): GroupRow[] {
  const t = f.text.trim().toLocaleLowerCase("en-GB");
  const yesNo = (want: "" | "yes" | "no", v: boolean) => want === "" || (want === "yes") === v;
  return rows.filter(
    (r) =>
      (!t || r.name.toLocaleLowerCase("en-GB").includes(t)) &&
      (!f.class || r.class === f.class) &&
      yesNo(f.faith, r.faith) &&
      yesNo(f.bme, r.bme) &&
      (f.wardId === null || r.ward_id === f.wardId) &&
      (f.categoryId === null || r.served_category_ids.includes(f.categoryId)) &&
      (!f.status || r.status === f.status) &&
      (!f.staleOnly || isStale(r, today, staleMonths)),
  );
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The id of the input a refused field belongs to: `identifiers[0].value` -> `identifier-0-value`. */
export function inputId(field: string): string {
  const m = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(field);
  if (m) {
    const [, list, index, part] = m;
    if (list === "features") return `feature-${Number(index) + 1}-${part === "evidence" ? "evidence" : "community"}`;
    return `${list === "identifiers" ? "identifier" : list}-${index}-${part}`;
  }
  return `group-${field.replace(/_/g, "-")}`;
}

/** Problems keyed by input id, the first message for each. */
export function problemsById(fields: FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const id = inputId(f.field);
    if (!(id in out)) out[id] = f.message;
  }
  return out;
}

export function formatDate(iso: string | null): string {
  if (!iso) return "Never";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
