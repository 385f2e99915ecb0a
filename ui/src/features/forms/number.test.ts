import { describe, expect, it } from "vitest";
import { wholeNumber } from "./number";

describe("wholeNumber", () => {
  it("reads a whole number as typed and refuses anything else", () => {
    expect(wholeNumber(" 12 ")).toBe(12);
    expect(wholeNumber(90)).toBe(90);
    for (const t of ["-3", "1.5", "abc", "", "12 months"]) expect(wholeNumber(t)).toBeNull();
  });
});
