// A small W3C WebDriver client on Node's own fetch: enough to drive the app window through
// tauri-driver and WebKitWebDriver, with no npm dependency.
import { writeFileSync } from "node:fs";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriver {
  constructor(base, sessionId) {
    this.base = base;
    this.sessionId = sessionId;
  }

  static async newSession(base, capabilities) {
    const value = await call(base, "POST", "/session", { capabilities });
    return new WebDriver(base, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.sessionId}${path}`, body);
  }

  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return new Element(this, v[ELEMENT]);
  }

  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.map((e) => new Element(this, e[ELEMENT]));
  }

  /** Polls until `check` returns a truthy value (errors count as not yet), or fails after `ms`. */
  async waitFor(what, check, ms = 15000) {
    const until = Date.now() + ms;
    let last;
    while (Date.now() < until) {
      try {
        const v = await check();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
  }

  waitForElement(css, ms) {
    return this.waitFor(css, async () => {
      const all = await this.findAll(css);
      return all[0];
    }, ms);
  }

  execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  async screenshot(path) {
    const b64 = await this.cmd("GET", "/screenshot");
    writeFileSync(path, Buffer.from(b64, "base64"));
  }

  async quit() {
    await this.cmd("DELETE", "");
  }
}

export class Element {
  constructor(driver, id) {
    this.driver = driver;
    this.id = id;
  }
  cmd(method, path, body) {
    return this.driver.cmd(method, `/element/${this.id}${path}`, body);
  }
  click() {
    return this.cmd("POST", "/click", {});
  }
  clear() {
    return this.cmd("POST", "/clear", {});
  }
  type(text) {
    return this.cmd("POST", "/value", { text });
  }
  text() {
    return this.cmd("GET", "/text");
  }
  property(name) {
    return this.cmd("GET", `/property/${name}`);
  }
  attribute(name) {
    return this.cmd("GET", `/attribute/${name}`);
  }
  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return new Element(this.driver, v[ELEMENT]);
  }
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A command that hangs fails the test in time instead of blocking it.
    signal: AbortSignal.timeout(30000),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new Error(`WebDriver ${method} ${path}: ${v.error || res.status} ${v.message || ""}`.trim());
  }
  return json.value;
}
