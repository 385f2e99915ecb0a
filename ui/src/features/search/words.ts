// What the search dialog says about its results, for its live message.

/** "1 group found", "3 groups found", "No groups match". */
export function foundWords(n: number): string {
  if (n === 0) return "No groups match";
  return `${n.toLocaleString("en-GB")} ${n === 1 ? "group" : "groups"} found`;
}
