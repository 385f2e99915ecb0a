import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { focusWhenShown } from "./reveal";

// Frames are stood in for by timers: the tests run in Node, which has no requestAnimationFrame.
const g = globalThis as { requestAnimationFrame?: (cb: (t: number) => void) => unknown };
beforeEach(() => {
  g.requestAnimationFrame = (cb) => setTimeout(() => cb(0), 0);
});
afterEach(() => {
  delete g.requestAnimationFrame;
});

function row() {
  const seen = { focused: 0 };
  return { seen, el: { focus: () => void seen.focused++ } as unknown as HTMLElement };
}

describe("focusWhenShown", () => {
  it("waits for a row drawn a few frames later, then focuses it once", async () => {
    const { seen, el } = row();
    let asked = 0;
    const found = await focusWhenShown(() => (++asked >= 4 ? el : null));
    expect(found).toBe(true);
    expect(asked).toBe(4);
    expect(seen.focused).toBe(1);
  });

  it("gives up after its frames when the row never comes", async () => {
    let asked = 0;
    const found = await focusWhenShown(() => (asked++, null), 5);
    expect(found).toBe(false);
    expect(asked).toBe(5);
  });
});
