import { describe, expect, it } from "vitest";
import { titleText } from "./title";

describe("titleText", () => {
  it("names the page, then the app", () => {
    expect(titleText("Directory")).toBe("Directory – Compact Directory");
  });
  it("starts with Error: while the page has problems to fix", () => {
    expect(titleText("Add a group", true)).toBe("Error: Add a group – Compact Directory");
  });
});
