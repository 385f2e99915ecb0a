// Pure helpers for the directory screens, kept out of the components so they can be unit-tested.
import type {
  ClassChange,
  Enterprise,
  Feature,
  FeatureAnswer,
  FieldProblem,
  Group,
  GroupClass,
  GroupInput,
  GroupRow,
  Identifier,
  Side,
} from "../../ipc/types";
import { nameFilter, nameKeys, type NameKeys } from "../search/fold";

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

/** The select's value for a scheme the app does not name; its prefix is then typed in words. */
export const OTHER_SCHEME = "other";

/** One identifier row as the form edits it: a known scheme, or "other" with the prefix typed. */
export interface IdentifierRow { choice: string; other: string; value: string }

export function identifierRows(ids: Identifier[]): IdentifierRow[] {
  return ids.map((i) =>
    SCHEMES.some((s) => s.value === i.scheme)
      ? { choice: i.scheme, other: "", value: i.value }
      : { choice: OTHER_SCHEME, other: i.scheme, value: i.value },
  );
}

export function identifiersFrom(rows: IdentifierRow[]): Identifier[] {
  return rows.map((r) => ({ scheme: r.choice === OTHER_SCHEME ? r.other.trim() : r.choice, value: r.value }));
}

/** The class in words, as the list, detail and form show it. */
export function classWords(c: GroupClass): string {
  return CLASS_LABELS[c];
}

/** "1 group", "118 groups". */
export function groupsWord(n: number): string {
  return `${n} ${n === 1 ? "group" : "groups"}`;
}

/** The text of `#group-count`: the whole directory, or how many of it the filters let through. */
export function countText(shown: number, total: number, filtering: boolean): string {
  return filtering ? `${shown} of ${groupsWord(total)} match` : groupsWord(total);
}

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
  const input = out as unknown as GroupInput;
  input.features = allFeatures(input.features ?? []);
  return input;
}

/** Exactly the eight features, in number order, so `features[i]` is feature i + 1 (the index
 * Rust's field names use). Missing answers are "not known". */
export function allFeatures(answers: FeatureAnswer[]): FeatureAnswer[] {
  return [1, 2, 3, 4, 5, 6, 7, 8].map((number) => {
    const a = answers.find((x) => x.number === number);
    return { number, side: a?.side ?? null, evidence: a?.evidence ?? "" };
  });
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

// Each row's name keys, worked out once rather than on every keystroke (kept with the name they
// were worked out from, in case a row's name is changed in place).
const keysOf = new WeakMap<GroupRow, { from: string; keys: NameKeys }>();
function rowKeys(r: GroupRow): NameKeys {
  const names = [r.name, ...r.other_names];
  const from = names.join("\n");
  let cached = keysOf.get(r);
  if (cached?.from !== from) {
    cached = { from, keys: nameKeys(names) };
    keysOf.set(r, cached);
  }
  return cached.keys;
}

/** Every filter at once; an empty filter lets everything through. */
export function filterRows(rows: GroupRow[], f: Filters): GroupRow[] {
  const byName = nameFilter(f.text);
  const yesNo = (want: "" | "yes" | "no", v: boolean) => want === "" || (want === "yes") === v;
  return rows.filter(
    (r) =>
      (!byName || byName(rowKeys(r))) &&
      (!f.class || r.class === f.class) &&
      yesNo(f.faith, r.faith) &&
      yesNo(f.bme, r.bme) &&
      (f.wardId === null || r.ward_id === f.wardId) &&
      (f.categoryId === null || r.served_category_ids.includes(f.categoryId)) &&
      (!f.status || r.status === f.status) &&
      // The core says which entries need checking (its needs-checking rule and period), so the
      // filter and the Needs checking queue cannot disagree.
      (!f.staleOnly || r.due_for_check),
  );
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

// Fields whose input id is not simply `group-` + the key in kebab case.
const SPECIAL_IDS: Record<string, string> = {
  ward_id: "group-ward",
  class_override: "class-override",
  class_override_reason: "class-override-reason",
};

// Every GroupInput key the form has an input (or a fieldset of inputs) for.
const FORM_FIELDS = new Set([
  "name", "other_names", "identifiers", "address", "postcode", "ward_id", "email", "phone", "website",
  "activities", "status", "last_checked", "last_checked_by", "features", "class_override",
  "class_override_reason", "enterprise", "faith", "faith_name", "bme_led", "bme_serving",
  "place_ward_ids", "interest", "category_ids",
]);

/** The id of the input (or fieldset, for radios and checkbox lists) a refused field belongs to:
 * `postcode` -> `group-postcode`, `identifiers[0].value` -> `identifier-0-value`,
 * `features[3].evidence` -> `feature-4-evidence`, `features[3].side` -> `feature-4` (its fieldset).
 * `null` when the form has no such field: the problem is then shown in the summary only. */
export function inputId(field: string): string | null {
  const m = /^(\w+)\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (m) {
    const [, list, index, part] = m;
    const i = Number(index);
    if (list === "features") {
      if (i > 7) return "group-features";
      return part === "evidence" ? `feature-${i + 1}-evidence` : `feature-${i + 1}`;
    }
    if (list === "identifiers") return `identifier-${i}-${part === "scheme" ? "scheme" : "value"}`;
    if (list === "other_names") return "group-other-names";
    if (list === "place_ward_ids") return "group-place-ward-ids";
    if (list === "category_ids") return "group-category-ids";
    return null;
  }
  if (!FORM_FIELDS.has(field)) return null;
  return SPECIAL_IDS[field] ?? `group-${field.replace(/_/g, "-")}`;
}

/** A message as a sentence: Rust's field messages may start in lower case ("enter the number").
 * One that starts with a value as typed ("wa15 ohf is not a UK postcode", "sc12 is not a company
 * number") is left as it is: the value is quoted, and "Wa15 ohf" is not what was typed. `typed`
 * holds the form's values (numbers are quoted without their spaces, so those are tried too). */
export function sentence(message: string, typed: readonly string[] = []): string {
  const t = message.trim();
  // The whole value, then a space or the end: a status "active" is not the start of "activities …".
  const startsWith = (v: string) => v !== "" && t.startsWith(v) && (t.length === v.length || t[v.length] === " ");
  const quotes = typed.some((v) => startsWith(v.trim()) || startsWith(v.trim().replace(/\s+/g, "")));
  return t && !quotes ? t[0].toLocaleUpperCase("en-GB") + t.slice(1) : t;
}

/** Every piece of text in a form's values (nested lists and objects too), for `sentence`. */
export function typedValues(input: unknown): string[] {
  if (typeof input === "string") return [input];
  if (Array.isArray(input)) return input.flatMap(typedValues);
  if (input && typeof input === "object") return Object.values(input).flatMap(typedValues);
  return [];
}

/** The problems for the error summary, in the order Rust gave them: each with the input to link to
 * (or none), first message per input only. */
export function summaryItems(fields: FieldProblem[], typed: readonly string[] = []): { id: string | null; message: string }[] {
  const seen = new Set<string>();
  const out: { id: string | null; message: string }[] = [];
  for (const f of fields) {
    const id = inputId(f.field);
    if (id !== null) {
      if (seen.has(id)) continue;
      seen.add(id);
    }
    out.push({ id, message: sentence(f.message, typed) });
  }
  return out;
}

/** Problems keyed by input id, the first message for each. */
export function problemsById(fields: FieldProblem[], typed: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const id = inputId(f.field);
    if (id !== null && !(id in out)) out[id] = sentence(f.message, typed);
  }
  return out;
}

export function formatDate(iso: string | null): string {
  if (!iso) return "Never";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function enterpriseWords(e: Enterprise | null): string {
  return e === "social" ? "Social enterprise" : e === "community" ? "Community enterprise" : "No";
}

/** How a line of the class history begins: "suggested Community group — …". */
export function historyKindWords(kind: ClassChange["kind"]): string {
  return kind === "suggested" ? "suggested" : kind === "set" ? "set by staff to" : "class set by staff removed; now";
}

export function bmeWords(led: boolean, serving: boolean): string {
  const parts = [led ? "Led by Black and minority ethnic people" : "", serving ? "Serves Black and minority ethnic communities" : ""];
  return parts.filter(Boolean).join("; ") || "No";
}

/** A feature's answer in words, naming the side: "Community side: member led". */
export function sideWords(f: Feature | undefined, side: Side | null): string {
  if (!side) return "Not known";
  if (side === "community") return `Community side${f ? `: ${f.community_side}` : ""}`;
  return `Voluntary side${f ? `: ${f.voluntary_side}` : ""}`;
}
