// What a person does in the window, shared by the tests: press a button, go to a screen; and where
// the real public data is.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Clicks the element, first scrolled to the middle of the window: WebKitWebDriver's own scrolling
 * can leave a button at the very bottom edge, where its click is lost. */
export async function press(driver, css, ms) {
  const el = await driver.waitForElement(css, ms);
  await driver.execute("arguments[0].scrollIntoView({ block: 'center' });", [el]);
  await el.click();
}

/** Opens a screen from the main navigation: "directory", "partnerships", "import"... */
export async function go(driver, nav) {
  await (await driver.find(`#nav-${nav}`)).click();
}

/** The real data folder: $COMPACTDIR_REAL_DATA (set by .ci/test), else shared/data/real found
 * walking up from this checkout. */
export function realData(name) {
  if (process.env.COMPACTDIR_REAL_DATA) return path.join(process.env.COMPACTDIR_REAL_DATA, name);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = path.join(dir, "shared", "data", "real", name);
    if (existsSync(p)) return p;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`${name} not found: set COMPACTDIR_REAL_DATA to shared/data/real`);
    dir = up;
  }
}

/** WebDriver key codes for what `keys` types: "\uE014" is the Right arrow, and so on. */
export const Key = {
  TAB: "\uE004", ENTER: "\uE007", SHIFT: "\uE008", CONTROL: "\uE009", END: "\uE010", HOME: "\uE011",
  LEFT: "\uE012", UP: "\uE013", RIGHT: "\uE014", DOWN: "\uE015", RELEASE: "\uE000",
};

/** Types keys into whatever has focus, as a keyboard user would (Key.CONTROL + Key.HOME + Key.RELEASE
 * is Ctrl+Home). */
export async function keys(driver, text) {
  const active = await driver.cmd("GET", "/element/active");
  await driver.cmd("POST", `/element/${Object.values(active)[0]}/value`, { text });
}
