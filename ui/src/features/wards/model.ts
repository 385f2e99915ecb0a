// The ward list grouped by district for every place wards are chosen, and the wards tool's words.
// Kept out of the components so they can be unit-tested.
import type { Ward } from "../../ipc/types";

/** What a ward without a district is listed under. */
export const NO_DISTRICT = "No district";

export interface WardGroup {
  /** As the ward list names it; "" for wards loaded without a district. */
  district: string;
  /** What the group's legend says. */
  label: string;
  wards: Ward[];
}

const collator = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true });

/** The wards grouped by district: districts alphabetical (wards with no district last), wards
 *  alphabetical within. Every ward is in a group, so a ticked one is never hidden. */
export function byDistrict(wards: readonly Ward[]): WardGroup[] {
  const groups = new Map<string, Ward[]>();
  for (const w of wards) {
    const list = groups.get(w.district);
    if (list) list.push(w);
    else groups.set(w.district, [w]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : collator.compare(a, b) || a.localeCompare(b)))
    .map(([district, list]) => ({
      district,
      label: district || NO_DISTRICT,
      wards: [...list].sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id),
    }));
}

/** "Salford's wards", "the wards with no district": as the core says it. */
export function districtWards(district: string): string {
  return district ? `${district}'s wards` : "the wards with no district";
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Loaded Trafford's wards from wards.csv: 21 added, 0 renamed." */
export function loadedWords(file: string, district: string, added: number, renamed: number): string {
  const what = district ? `${district}'s wards` : "the wards";
  return `Loaded ${what} from ${file}: ${added} added, ${renamed} renamed.`;
}

/** "Removed Salford's wards (20 wards)." */
export function removedWords(district: string, removed: number): string {
  const what = districtWards(district);
  return `Removed ${what} (${count(removed, "ward", "wards")}).`;
}

/** "20 wards, used by 120 groups and 11 seats"; "21 wards, not used". */
export function districtSummary(wards: number, groups: number, seats: number): string {
  const used = [groups ? count(groups, "group", "groups") : "", seats ? count(seats, "seat", "seats") : ""].filter(Boolean);
  return `${count(wards, "ward", "wards")}, ${used.length ? `used by ${used.join(" and ")}` : "not used"}`;
}

/** A row of the ward list's record in words: "Loaded Trafford from wards.csv: 21 added, 0 renamed". */
export function changeWords(c: { action: string; district: string; file: string; added: number; renamed: number; removed: number }): string {
  if (c.action === "removed") return `Removed ${districtWards(c.district)}: ${count(c.removed, "ward", "wards")}`;
  const what = c.district ? `${c.district}'s wards` : "wards";
  return `Loaded ${what}${c.file ? ` from ${c.file}` : ""}: ${c.added} added, ${c.renamed} renamed`;
}
