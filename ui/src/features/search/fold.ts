// How names are compared when their spelling should not matter: the same rule as the core's
// `domain::fold` (search, Ctrl+K, the duplicate scan), checked against the same table of cases
// (folding-cases.json). Folded: lower case; apostrophes dropped ("St John's" = "St Johns"); "&"
// and "+" read as "and"; other punctuation a space between words ("St. John" = "St John",
// "G-Force" = "G Force"); the word "Saint" is "st", "Center" is "centre".

const APOSTROPHES = new Set(["'", "\u2019", "\u2018", "`", "\u00b4"]);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORDS: Record<string, string> = { saint: "st", center: "centre" };

/** `s` folded, its words joined by one space. */
export function foldName(s: string): string {
  const words: string[] = [];
  let word = "";
  const flush = () => {
    if (word) words.push(WORDS[word] ?? word);
    word = "";
  };
  for (const c of s) {
    if (APOSTROPHES.has(c)) continue;
    if (c === "&" || c === "+") {
      flush();
      words.push("and");
    } else if (LETTER_OR_DIGIT.test(c)) {
      word += c.toLowerCase();
    } else {
      flush();
    }
  }
  flush();
  return words.join(" ");
}

/** Folded with the spaces taken out too: "Food Bank" and "Foodbank", "G Force" and "gforce". */
export function nameKey(s: string): string {
  return foldName(s).replaceAll(" ", "");
}

/**
 * The Directory's "Filter by name" for the text typed, or null when nothing is typed: the text is
 * part of the name or of one of its other names once both are folded and their spaces taken out
 * ("st. john" finds "St John's Centre", "g force" finds "G-Force", "food bank" finds "Stretford
 * Foodbank"), or part of a name as written in any case ("sain" finds "Saint Mary's" before
 * "saint" is finished and folds to "st"). The test takes the names' keys from `nameKeys`, worked
 * out once per row rather than per keystroke.
 */
export function nameFilter(typed: string): ((keys: NameKeys) => boolean) | null {
  const t = typed.trim().toLocaleLowerCase("en-GB");
  if (!t) return null;
  const k = nameKey(typed);
  return (keys) => keys.some(([lower, key]) => lower.includes(t) || (k !== "" && key.includes(k)));
}

/** Each name as written (lower case) and folded without spaces. */
export type NameKeys = [string, string][];

export function nameKeys(names: string[]): NameKeys {
  return names.map((n) => [n.toLocaleLowerCase("en-GB"), nameKey(n)]);
}
