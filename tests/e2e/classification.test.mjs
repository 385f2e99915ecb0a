// Issue: the group directory's classification, in the real window. Answer the eight features for
// a group, see the suggested class and its reason, set a different class with a reason, and see
// both changes in the group's history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { artifacts, startApp } from "./harness.mjs";

test("answering the features suggests a class with its reason; a class set by staff is kept in the history", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await (await driver.find("#add-group")).click();
    await (await driver.waitForElement("#group-name")).type("Seedley Parents Together");

    // Six on the community side, one on the voluntary side, one not known.
    for (const n of [1, 2, 3, 5, 6, 8]) await (await driver.find(`#feature-${n}-community`)).click();
    await (await driver.find("#feature-4-voluntary")).click();
    await (await driver.find("#feature-1-evidence")).type("Parents elect the committee each September");
    const live = await driver.waitFor("the live suggestion", async () => {
      const t = await (await driver.find("#suggested-class")).text();
      return t.includes("6 of 7") ? t : null;
    });
    assert.match(live, /Community group — 6 of 7 known features on the community side/);

    await (await driver.find("#group-save")).click();
    await driver.waitFor("the group's page", async () => (await (await driver.find("#group-title")).text()) === "Seedley Parents Together");
    assert.match(await (await driver.find("#suggested-class")).text(), /Community group — 6 of 7 known features on the community side/);

    // Staff set another class with a reason; the suggestion stays beside it.
    await (await driver.find("#group-edit")).click();
    const select = await driver.waitForElement("#class-override");
    await driver.execute(
      "const s = arguments[0]; s.value = 'voluntary'; s.dispatchEvent(new Event('change', { bubbles: true }));",
      [{ "element-6066-11e4-a52e-4f735466cecf": select.id }],
    );
    await (await driver.waitForElement("#class-override-reason")).type("Run by paid staff since the grant in 2026");
    await (await driver.find("#group-save")).click();
    await driver.waitFor("the page again", async () => (await (await driver.find("#group-title")).text()) === "Seedley Parents Together");

    const panel = await (await driver.find(".panel")).text();
    assert.match(panel, /Suggested class: Community group/, "the suggestion stays visible");
    assert.match(panel, /Class set by staff: Voluntary organisation — Run by paid staff since the grant in 2026/);
    const history = await (await driver.find("#class-history")).text();
    assert.match(history, /suggested\s+Community group — 6 of 7 known features on the community side/);
    assert.match(history, /set by staff to\s+Voluntary organisation — Run by paid staff since the grant in 2026/);
    await driver.screenshot(path.join(artifacts, "classification.png"));
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "classification-failed.png")).catch(() => {});
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
