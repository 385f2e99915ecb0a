// A small W3C WebDriver client on Node's own fetch: enough to drive the app window through
// tauri-driver and WebKitWebDriver, with no npm dependency.
//
//   const driver = await WebDriver.newSession("http://127.0.0.1:4444", { alwaysMatch: {...} });
//   const el = await driver.findElement("#group-name");   // or driver.find(css)
//   await el.sendKeys("text");                             // or el.type(text)
//   await el.getText();                                    // or el.text()
//   await driver.waitFor(async () => ..., 15000);          // or waitFor("what", check, ms)
//   await driver.screenshot("shot.png");
//   await driver.deleteSession();                          // or driver.quit()
import { writeFileSync } from "node:fs";

/** The W3C key under which an element reference travels. */
export const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** WebDriver key codes for sendKeys, e.g. el.sendKeys("text" + Keys.ENTER). */
export const Keys = { ENTER: "\uE007", TAB: "\uE004", ESCAPE: "\uE00C", BACKSPACE: "\uE003" };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class WebDriver {
  constructor(base, sessionId) {
    this.base = base;
    this.sessionId = sessionId;
  }

  /** POST /session with `capabilities` ({ alwaysMatch, firstMatch }). */
  static async newSession(base, capabilities) {
    const value = await call(base, "POST", "/session", { capabilities }, 60000);
    return new WebDriver(base, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.sessionId}${path}`, body);
  }

  /** The first element matching the CSS selector; throws "no such element" if none. */
  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return new Element(this, v[ELEMENT]);
  }

  /** Every element matching the CSS selector (possibly none). */
  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.map((e) => new Element(this, e[ELEMENT]));
  }

  /**
   * Polls until the check returns a truthy value, which it returns; errors thrown by the check
   * count as "not yet". Fails after `ms` naming what it waited for and the last error.
   * Both waitFor(check, ms) and waitFor("what", check, ms) work.
   */
  async waitFor(what, check, ms = 15000) {
    if (typeof what === "function") [what, check, ms] = ["condition", what, check ?? 15000];
    const until = Date.now() + ms;
    let last;
    for (;;) {
      try {
        const v = await check();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      if (Date.now() >= until) break;
      await sleep(150);
    }
    throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${last.message}` : ""}`);
  }

  /** Waits until an element matches the CSS selector and returns it. */
  waitForElement(css, ms) {
    return this.waitFor(css, async () => (await this.findAll(css))[0], ms);
  }

  /** Runs `script` (a function body; arguments[0..]) in the page; Elements may be passed in args. */
  execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  /** Saves a PNG of the window to `path`. */
  async screenshot(path) {
    const b64 = await this.cmd("GET", "/screenshot");
    writeFileSync(path, Buffer.from(b64, "base64"));
  }

  /** Ends the session; the driver closes the app. */
  async quit() {
    await this.cmd("DELETE", "");
  }
}

// The W3C names, for readers who know the protocol.
WebDriver.prototype.findElement = WebDriver.prototype.find;
WebDriver.prototype.findElements = WebDriver.prototype.findAll;
WebDriver.prototype.executeScript = WebDriver.prototype.execute;
WebDriver.prototype.deleteSession = WebDriver.prototype.quit;

export class Element {
  constructor(driver, id) {
    this.driver = driver;
    this.id = id;
  }
  /** Lets an Element be passed straight into execute()'s args. */
  toJSON() {
    return { [ELEMENT]: this.id };
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
  /** Types into the element (sendKeys); special keys from `Keys`. */
  type(text) {
    return this.cmd("POST", "/value", { text });
  }
  /** The rendered (visible) text. */
  text() {
    return this.cmd("GET", "/text");
  }
  /** A DOM property, e.g. property("value") of an input. */
  property(name) {
    return this.cmd("GET", `/property/${encodeURIComponent(name)}`);
  }
  /** An HTML attribute, or null. */
  attribute(name) {
    return this.cmd("GET", `/attribute/${encodeURIComponent(name)}`);
  }
  displayed() {
    return this.cmd("GET", "/displayed");
  }
  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return new Element(this.driver, v[ELEMENT]);
  }
  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.map((e) => new Element(this.driver, e[ELEMENT]));
  }
}

Element.prototype.sendKeys = Element.prototype.type;
Element.prototype.getText = Element.prototype.text;
Element.prototype.getProperty = Element.prototype.property;
Element.prototype.getAttribute = Element.prototype.attribute;
Element.prototype.isDisplayed = Element.prototype.displayed;
Element.prototype.findElement = Element.prototype.find;
Element.prototype.findElements = Element.prototype.findAll;

/** One WebDriver command; returns its `value` or throws the driver's error and message. */
export async function call(base, method, path, body, ms = 30000) {
  let res;
  try {
    res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A command that hangs fails the test in time instead of blocking it.
      signal: AbortSignal.timeout(ms),
    });
  } catch (e) {
    throw new Error(`WebDriver ${method} ${path}: ${e.cause?.code || e.name}: ${e.message}`);
  }
  const json = await res.json().catch(() => ({}));
  const v = json && typeof json === "object" && json.value !== undefined ? json.value : null;
  if (!res.ok || (v && typeof v === "object" && v.error)) {
    throw new Error(`WebDriver ${method} ${path}: ${v?.error || `HTTP ${res.status}`} ${v?.message || ""}`.trim());
  }
  return v;
}
