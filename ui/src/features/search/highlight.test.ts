import { describe, expect, it } from "vitest";
import { segments } from "./highlight";

describe("segments", () => {
  it("groups neighbouring matched characters", () => {
    expect(segments("St John's", [0, 1, 3, 4])).toEqual([
      { text: "St", hit: true },
      { text: " ", hit: false },
      { text: "Jo", hit: true },
      { text: "hn's", hit: false },
    ]);
  });
  it("counts characters, not bytes", () => {
    expect(segments("Café Q", [3])).toEqual([{ text: "Caf", hit: false }, { text: "é", hit: true }, { text: " Q", hit: false }]);
  });
});
