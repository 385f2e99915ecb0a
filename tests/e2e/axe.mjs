// axe-core (the accessibility rules engine, a dev dependency of ui/) run inside the real window:
// injected once per page, then asked for the WCAG 2.x A and AA rules' violations.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const source = readFileSync(path.resolve(here, "..", "..", "ui", "node_modules", "axe-core", "axe.min.js"), "utf8");

/** The rules' tags checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe over the page as it is now; returns each violation as "rule (impact): help — targets". */
export async function violations(driver) {
  await driver.execute(`if (!window.axe) { ${source}; window.axe = axe; } window.__axeResult = null;
    window.axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(WCAG_AA)} }, resultTypes: ["violations"] })
      .then((r) => { window.__axeResult = r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")) })); },
            (e) => { window.__axeResult = [{ id: "axe-failed", impact: "critical", help: String(e), targets: [] }]; });
    return true;`);
  const found = await driver.waitFor("axe's answer", () => driver.execute("return window.__axeResult;"), 60000);
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 5).join(", ")}${v.targets.length > 5 ? `, and ${v.targets.length - 5} more` : ""}`);
}
