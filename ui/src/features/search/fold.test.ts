import { describe, expect, it } from "vitest";
import table from "./folding-cases.json";
import { foldName, nameFilter, nameKeys } from "./fold";

describe("foldName", () => {
  // The core (src-tauri/crates/core/src/domain/fold.rs) checks the same table.
  it.each(table.cases)("folds %j to %j as the core does", (input, folded) => {
    expect(foldName(input)).toBe(folded);
  });
});

describe("nameFilter", () => {
  const matches = (typed: string, ...names: string[]) => nameFilter(typed)?.(nameKeys(names)) ?? true;
  it("finds the tester's everyday spellings", () => {
    expect(matches("st. john", "St John's Centre")).toBe(true);
    expect(matches("Saint Johns", "St John's Centre")).toBe(true);
    expect(matches("g force", "G-Force")).toBe(true);
    expect(matches("G- Force", "G-Force")).toBe(true);
    expect(matches("gforce", "G Force")).toBe(true);
    expect(matches("stretford food bank", "Stretford Foodbank")).toBe(true);
    expect(matches("blue sci", "Bluesci")).toBe(true);
    expect(matches("sale & district", "Sale and District Scout Council")).toBe(true);
    expect(matches("st. mary\u2019s", "St Mary's Church Hall")).toBe(true);
  });
  it("looks at other names too", () => {
    expect(matches("carers hub", "Trafford Carers Centre", "Carers' Hub")).toBe(true);
    expect(matches("carers hub", "Trafford Carers Centre")).toBe(false);
  });
  it("still finds part of a name as written while a word that folds is being typed", () => {
    expect(matches("sain", "Saint Mary's")).toBe(true);
    expect(matches("saint m", "Saint Mary's")).toBe(true);
    expect(matches("a", "Bluesci")).toBe(false);
  });
  it("lets everything through when nothing is typed, and nothing through for punctuation alone that is not in a name", () => {
    expect(matches("  ", "Bluesci")).toBe(true);
    expect(matches("#", "Bluesci")).toBe(false);
    expect(matches("-", "G-Force")).toBe(true);
  });
});
