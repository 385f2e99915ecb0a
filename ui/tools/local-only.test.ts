import { describe, expect, it } from "vitest";
import { remoteReferences } from "./local-only";

describe("remoteReferences", () => {
  it("finds web fonts and remote stylesheets in CSS", () => {
    expect(remoteReferences("@import url(https://fonts.googleapis.com/css2?family=Inter);", "css")).toBe(true);
    expect(remoteReferences("@import 'https://cdn.example.org/x.css';", "css")).toBe(true);
    expect(remoteReferences("src: url('//cdn.example.org/f.woff2')", "css")).toBe(true);
  });
  it("lets local and data URLs through", () => {
    expect(remoteReferences("background: url(./bg.png); src: url(data:font/woff2;base64,AAAA)", "css")).toBe(false);
  });
  it("finds remote scripts and links in HTML, not local ones", () => {
    expect(remoteReferences('<script src="https://unpkg.com/x.js"></script>', "html")).toBe(true);
    expect(remoteReferences('<link rel="stylesheet" href="//cdn.example.org/x.css">', "html")).toBe(true);
    expect(remoteReferences('<script type="module" src="/src/main.ts"></script>', "html")).toBe(false);
  });
});
