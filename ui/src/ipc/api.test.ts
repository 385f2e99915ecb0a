import { describe, expect, it } from "vitest";
import { toAppError } from "./api";

describe("toAppError", () => {
  it("keeps the code, message and fields Rust sent", () => {
    const e = toAppError({ code: "invalid", message: "AB1 2CD is not a UK postcode.", fields: [{ field: "postcode", message: "AB1 2CD is not a UK postcode" }] });
    expect(e.code).toBe("invalid");
    expect(e.fields[0].field).toBe("postcode");
  });
  it("wraps a bare string or Error as an internal error with its text", () => {
    expect(toAppError("boom")).toEqual({ code: "internal", message: "boom", fields: [] });
    expect(toAppError(new Error("lost")).message).toBe("lost");
  });
});
