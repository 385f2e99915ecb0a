import { describe, expect, it } from "vitest";
import type { DuplicatePair, FieldPreview, MergeOutcome } from "../../ipc/types";
import { afterDecision, clusterNote, defaultChoices, dismissedWords, lastMergeFromLog, lastMergeOf, mergeChoices, mergedWords, pairKey, resultValue, reviewedText, scanProgressWords, scoreText, shown, skipTo, undoneWords } from "./model";

const pair = (a: number, b: number): DuplicatePair => ({ group_a: a, group_a_name: `G${a}`, group_a_shown_name: `G${a}`, group_b: b, group_b_name: `G${b}`, group_b_shown_name: `G${b}`, score: 0.9, reasons: [] });
const field = (f: Partial<FieldPreview> & Pick<FieldPreview, "field">): FieldPreview => ({ label: f.field, kept: "", merged: "", differs: false, default: "kept", ...f });

describe("words", () => {
  it("counts the queue as the issue says", () => {
    expect(reviewedText({ reviewed: 12, total: 48 })).toBe("12 of 48 reviewed");
  });
  it("gives a score as a whole percentage, clamped", () => {
    expect(scoreText(0.926)).toBe("93% alike");
    expect(scoreText(1.4)).toBe("100% alike");
  });
  it("turns scan progress into a bar value and a sentence", () => {
    expect(scanProgressWords(null)).toEqual({ percent: 0, text: "Starting the scan…" });
    expect(scanProgressWords({ stage: "comparing", done: 30, total: 120 })).toEqual({ percent: 25, text: "Comparing likely pairs: 30 of 120" });
    expect(scanProgressWords({ stage: "preparing", done: 10000, total: 218384 }).text).toBe("Reading names: 10,000 of 218,384 groups");
    expect(scanProgressWords({ stage: "preparing", done: 0, total: 0 }).percent).toBe(100);
  });
  it("marks an empty value rather than showing nothing, as the group's page does", () => {
    expect(shown("  ")).toBe("Not recorded");
    expect(shown("M30 0AB")).toBe("M30 0AB");
  });
});

describe("choices", () => {
  const fields = [
    field({ field: "name", kept: "St John's", merged: "St Johns", differs: true }),
    field({ field: "website", kept: "", merged: "stjohns.org", differs: true, default: "merged" }),
    field({ field: "phone", kept: "0161", merged: "0161" }),
  ];
  it("starts from the preview's defaults, for differing fields only", () => {
    expect(defaultChoices(fields)).toEqual({ name: "kept", website: "merged" });
  });
  it("sends a choice for every differing field, the user's where made", () => {
    expect(mergeChoices(fields, { name: "merged" })).toEqual({ fields: { name: "merged", website: "merged" } });
  });
  it("shows the value the merged group will have", () => {
    expect(resultValue(fields[0], "merged")).toBe("St Johns");
    expect(resultValue(fields[1], undefined)).toBe("stjohns.org");
  });
});

describe("the queue", () => {
  it("names the other groups when a pair is part of a larger cluster", () => {
    const clusters = [
      { group_ids: [1, 2, 5], names: ["G-Force", "G Force", "G- FORCE"], shown_names: ["G-Force", "G Force", "G- Force"], best_score: 0.95, pairs: 2 },
      { group_ids: [3, 4], names: ["A", "B"], shown_names: ["A", "B"], best_score: 0.9, pairs: 1 },
    ];
    expect(clusterNote(pair(2, 5), clusters)).toBe("One of 3 groups that look alike: G-Force, G Force, G- Force.");
    expect(clusterNote(pair(3, 4), clusters)).toBeNull();
    expect(clusterNote(pair(7, 8), clusters)).toBeNull();
  });
  it("keys a pair the same either way round", () => {
    expect(pairKey(3, 9)).toBe(pairKey(9, 3));
  });
  it("drops a dismissed pair and moves to the one that took its place", () => {
    const r = afterDecision([pair(1, 2), pair(3, 4), pair(5, 6)], 1, { kind: "dismissed" });
    expect(r.pairs).toEqual([pair(1, 2), pair(5, 6)]);
    expect(r.next).toBe(1);
  });
  it("after a merge drops every pair naming the group merged away", () => {
    const r = afterDecision([pair(1, 2), pair(2, 7), pair(3, 4), pair(1, 7)], 0, { kind: "merged", mergedId: 2 });
    expect(r.pairs).toEqual([pair(3, 4), pair(1, 7)]);
    expect(r.next).toBe(0);
  });
  it("goes to the last pair when the decided one was last, and to none when the queue empties", () => {
    expect(afterDecision([pair(1, 2), pair(3, 4)], 1, { kind: "dismissed" }).next).toBe(0);
    expect(afterDecision([pair(1, 2)], 0, { kind: "dismissed" })).toEqual({ pairs: [], next: null });
  });
  it("skips round to the first pair, and nowhere when there is one", () => {
    expect(skipTo(3, 2)).toBe(0);
    expect(skipTo(3, 0)).toBe(1);
    expect(skipTo(1, 0)).toBeNull();
  });
});

// The tester's merge: "Sale and District Scout Council" into "SALE DISTRICT SCOUT COUNCIL", keeping
// the other's name. The core sends the names stored and shown; the words use the shown ones.
const saleMerge: MergeOutcome = {
  merge_id: 4, kept_id: 1, merged_id: 2, notes: [],
  kept_name: "Sale and District Scout Council", kept_name_before: "SALE DISTRICT SCOUT COUNCIL", merged_name: "Sale and District Scout Council",
  kept_shown_name: "Sale and District Scout Council", kept_shown_name_before: "Sale District Scout Council", merged_shown_name: "Sale and District Scout Council",
};

describe("mergedWords", () => {
  it("names the kept group by its name after the merge, and before when it took the other's, as shown", () => {
    expect(mergedWords(lastMergeOf(saleMerge)))
      .toBe("Merged Sale and District Scout Council into Sale and District Scout Council (until now called Sale District Scout Council).");
    const gForce = lastMergeOf({ ...saleMerge, kept_name: "G-FORCE", kept_name_before: "G-FORCE", merged_name: "G Force", kept_shown_name: "G-Force", kept_shown_name_before: "G-Force", merged_shown_name: "G Force" });
    expect(mergedWords(gForce)).toBe("Merged G Force into G-Force.");
  });
});

describe("the last merge, undoing it and dismissing a pair", () => {
  it("name the groups as shown, from the merge or from the log", () => {
    expect(lastMergeOf(saleMerge)).toEqual({ merge_id: 4, keptName: "Sale and District Scout Council", keptNameBefore: "Sale District Scout Council", mergedName: "Sale and District Scout Council" });
    const logged = lastMergeFromLog({
      id: 4, at: "", kept_id: 1, merged_id: 2, undone_at: null,
      kept_name: "SALE DISTRICT SCOUT COUNCIL", kept_name_after: "Sale and District Scout Council", merged_name: "Sale and District Scout Council",
      kept_shown_name: "Sale District Scout Council", kept_shown_name_after: "Sale and District Scout Council", merged_shown_name: "Sale and District Scout Council",
    });
    expect(logged).toEqual(lastMergeOf(saleMerge));
    expect(undoneWords(logged)).toBe("Merge undone: Sale District Scout Council and Sale and District Scout Council are both back as they were.");
    const p = { ...pair(1, 2), group_a_name: "ST JOHN'S CENTRE", group_a_shown_name: "St John's Centre", group_b_name: "St Johns Centre", group_b_shown_name: "St Johns Centre" };
    expect(dismissedWords(p)).toBe("St John's Centre and St Johns Centre are marked as not duplicates and will not be proposed again.");
  });
});
