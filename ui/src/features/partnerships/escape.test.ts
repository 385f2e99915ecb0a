import { describe, expect, it, vi } from "vitest";
import { escapeCloses } from "./escape";

const key = (k: string) => Object.assign(new Event("keydown", { cancelable: true }), { key: k });

describe("escapeCloses", () => {
  it("calls close on Escape only, and not after it is destroyed", () => {
    const node = new EventTarget();
    const close = vi.fn();
    const action = escapeCloses(node as HTMLElement, close);
    node.dispatchEvent(key("a"));
    const esc = key("Escape");
    node.dispatchEvent(esc);
    expect(close).toHaveBeenCalledTimes(1);
    expect(esc.defaultPrevented).toBe(true);
    action.destroy();
    node.dispatchEvent(key("Escape"));
    expect(close).toHaveBeenCalledTimes(1);
  });
});
