// The duplicate review queue's rules, kept out of the components so they can be tested: words for
// progress and scores, the merge choices to send, and which pair comes next after a decision.
import type { DuplicateCluster, DuplicatePair, FieldPreview, MergeChoices, MergeField, MergeLogEntry, MergeOutcome, Pick, ReviewProgress, ScanProgress } from "../../ipc/types";

/** "12 of 48 reviewed". */
export function reviewedText(p: ReviewProgress): string {
  return `${p.reviewed} of ${p.total} reviewed`;
}

/** A score from 0 to 1 as a whole percentage: "92% alike". */
export function scoreText(score: number): string {
  const pct = Math.round(Math.min(1, Math.max(0, score)) * 100);
  return `${pct}% alike`;
}

/** The bar's value (0 to 100) and a sentence saying where the scan is. */
export function scanProgressWords(p: ScanProgress | null): { percent: number; text: string } {
  if (!p) return { percent: 0, text: "Starting the scan…" };
  const percent = p.total > 0 ? Math.min(100, Math.floor((p.done * 100) / p.total)) : 100;
  const text =
    p.stage === "preparing"
      ? `Reading names: ${count(p.done)} of ${count(p.total)} groups`
      : `Comparing likely pairs: ${count(p.done)} of ${count(p.total)}`;
  return { percent, text };
}

/** A count with thousands separators: "218,384". */
export function count(n: number): string {
  return n.toLocaleString("en-GB");
}

/**
 * When a pair is part of a larger cluster (A like B, B like C), a sentence naming every group in
 * it, so staff review them together; null for a cluster of just the two.
 */
export function clusterNote(pair: DuplicatePair, clusters: DuplicateCluster[]): string | null {
  const c = clusters.find((c) => c.group_ids.includes(pair.group_a) && c.group_ids.includes(pair.group_b));
  if (!c || c.group_ids.length <= 2) return null;
  return `One of ${c.group_ids.length} groups that look alike: ${c.shown_names.join(", ")}.`;
}

/** A pair's key, the same whichever way round it is named. */
export function pairKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/** Each differing field's starting choice: the preview's default. Fields that are the same are left out. */
export function defaultChoices(fields: FieldPreview[]): Partial<Record<MergeField, Pick>> {
  const out: Partial<Record<MergeField, Pick>> = {};
  for (const f of fields) if (f.differs) out[f.field] = f.default;
  return out;
}

/** What to send to merge: a choice for every differing field (the default where none was made). */
export function mergeChoices(fields: FieldPreview[], chosen: Partial<Record<MergeField, Pick>>): MergeChoices {
  const out: MergeChoices = { fields: {} };
  for (const f of fields) if (f.differs) out.fields[f.field] = chosen[f.field] ?? f.default;
  return out;
}

/** The value the merged group will have for a field, given the choice. */
export function resultValue(f: FieldPreview, pick: Pick | undefined): string {
  return (pick ?? f.default) === "merged" ? f.merged : f.kept;
}

/**
 * The queue after a decision on the pair at `index`: a dismissed pair leaves; a merge removes every
 * pair naming the group that was merged away (it no longer exists). Returns the new queue and the
 * index of the pair to show next (the one that took the decided pair's place, or the last), or
 * null when the queue is empty.
 */
export function afterDecision(
  pairs: DuplicatePair[],
  index: number,
  decision: { kind: "dismissed" } | { kind: "merged"; mergedId: number },
): { pairs: DuplicatePair[]; next: number | null } {
  const decided = pairs[index];
  const left = pairs.filter((p, i) => {
    if (i === index) return false;
    if (decision.kind === "merged") return p.group_a !== decision.mergedId && p.group_b !== decision.mergedId;
    return true;
  });
  if (!left.length || !decided) return { pairs: left, next: left.length ? 0 : null };
  // The first pair after the decided one that is still in the queue, else the last one.
  const after = pairs.slice(index + 1).find((p) => left.includes(p));
  return { pairs: left, next: after ? left.indexOf(after) : left.length - 1 };
}

/** Skipping moves on to the next pair, wrapping round to the first; null when there is no other. */
export function skipTo(count: number, index: number): number | null {
  if (count <= 1) return null;
  return (index + 1) % count;
}

/** Shown for an empty field so a blank is not mistaken for a missing cell: the group page's words. */
export function shown(value: string): string {
  return value.trim() ? value : "Not recorded";
}

/** The latest merge, to offer undoing it: the names as shown (capitals in title case, by the core's
 * rule), the kept group's after the merge and before it. */
export interface LastMerge { merge_id: number; keptName: string; keptNameBefore: string; mergedName: string }

/** The merge just made, as the undo row names it. */
export function lastMergeOf(out: MergeOutcome): LastMerge {
  return { merge_id: out.merge_id, keptName: out.kept_shown_name, keptNameBefore: out.kept_shown_name_before, mergedName: out.merged_shown_name };
}

/** A merge from the log (an earlier visit's), as the undo row names it. */
export function lastMergeFromLog(e: MergeLogEntry): LastMerge {
  return { merge_id: e.id, keptName: e.kept_shown_name_after, keptNameBefore: e.kept_shown_name, mergedName: e.merged_shown_name };
}

/** What a merge did, naming the kept group by its name after the merge (and before, when it took
 * the other's), as shown. */
export function mergedWords(m: Omit<LastMerge, "merge_id">): string {
  const renamed = m.keptName !== m.keptNameBefore ? ` (until now called ${m.keptNameBefore})` : "";
  return `Merged ${m.mergedName} into ${m.keptName}${renamed}.`;
}

/** What undoing a merge did: both groups back under the names they had before it. */
export function undoneWords(m: Omit<LastMerge, "merge_id">): string {
  return `Merge undone: ${m.keptNameBefore} and ${m.mergedName} are both back as they were.`;
}

/** What marking a pair as not duplicates did. */
export function dismissedWords(p: DuplicatePair): string {
  return `${p.group_a_shown_name} and ${p.group_b_shown_name} are marked as not duplicates and will not be proposed again.`;
}
