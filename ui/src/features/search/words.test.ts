import { describe, expect, it } from "vitest";
import { foundWords } from "./words";

describe("the search results' count", () => {
  it("says one group in the singular", () => {
    expect(foundWords(1)).toBe("1 group found");
    expect(foundWords(3)).toBe("3 groups found");
    expect(foundWords(0)).toBe("No groups match");
  });
});
