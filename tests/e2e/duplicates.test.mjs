// Issue 6: duplicate groups, in the real window. Scan, review the St John's pair side by side,
// choose a field, merge, see one entry left in the directory, undo, see both back; and "Not a
// duplicate" takes a pair out of the queue.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { artifacts, startApp, tempDir } from "./harness.mjs";
import { press } from "./actions.mjs";

const ST_JOHNS = ["St John's Community Centre", "St Johns Community Centre"];
const ECCLES = ["Eccles Food Bank", "Eccles Foodbank"];

/** The queue row naming both groups, or null. */
async function queueRow(driver, [a, b]) {
  for (const row of await driver.findAll("#duplicate-queue tr[data-pair]")) {
    const text = await row.text();
    if (text.includes(a) && text.includes(b)) return row;
  }
  return null;
}

async function directoryNames(driver) {
  await (await driver.find("#nav-directory")).click();
  await driver.waitForElement("#group-list tr[data-group-id]");
  return driver.execute("return [...document.querySelectorAll('#group-list .group-link')].map((b) => b.textContent.trim())");
}

async function openDuplicates(driver) {
  await (await driver.find("#nav-duplicates")).click();
  await (await driver.waitForElement("#scan-duplicates")).click();
  await driver.waitForElement("#duplicate-queue tr[data-pair]");
}

test("review the St John's pair, merge it, and undo the merge", async () => {
  const dir = tempDir();
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await openDuplicates(driver);
    assert.match(await (await driver.find("#review-progress")).text(), /^0 of \d+ reviewed/);
    const row = await driver.waitFor("the St John's pair in the queue", () => queueRow(driver, ST_JOHNS));
    assert.match(await row.text(), /\d+% alike/);
    await (await row.find(".review-pair")).click();
    await driver.waitFor("the pair under review", async () => {
      const t = await (await driver.find("#merge-fields")).text();
      return ST_JOHNS.every((n) => t.includes(n));
    });
    // Focus moves to the panel, so keyboard and screen-reader users land on the pair.
    assert.equal(await driver.execute("return document.activeElement.id"), "review-title");

    // The name differs: it is marked in words, and choosing a value shows what the merge keeps.
    const nameRow = await driver.find('#merge-fields tr[data-field="name"]');
    assert.match(await nameRow.text(), /Differs/);
    // The values read as the group's page has them: "Active", "Yes", "No", long dates, and each
    // typical feature's answer in words (not "active", "no", "2026-09-16", "1: community").
    const values = (field) => driver.execute(`return [...document.querySelectorAll('#merge-fields tr[data-field="${field}"] td .value')].map((v) => v.textContent)`);
    assert.deepEqual(await values("status"), ["Active", "Active", "Active"]);
    assert.deepEqual((await values("faith")).slice(0, 2).sort(), ["No", "Yes (Christian (Church of England))"]);
    for (const v of await values("last_checked")) assert.match(v, /^\d{1,2} [A-Z][a-z]+ \d{4}, by [A-Z]+$/);
    const features = (await values("features")).slice(0, 2);
    assert.ok(features.some((v) => v.startsWith("1. Leadership: Community side: Member led")), features.join(" | "));
    assert.ok(features.some((v) => v.startsWith("1. Leadership: Voluntary side: Staff led")), features.join(" | "));
    for (const v of features) assert.doesNotMatch(v, /of 8 known|\d: (community|voluntary)/);
    await driver.screenshot(path.join(artifacts, "duplicates-review.png"));
    await driver.execute(`document.querySelector('#merge-fields tr[data-field="features"]').scrollIntoView({ block: "end" })`);
    await driver.screenshot(path.join(artifacts, "duplicates-review-values.png"));
    let chosenName = null;
    for (const side of ["kept", "merged"]) {
      const text = await driver.execute(`return document.getElementById('pick-name-${side}').closest('label').innerText`);
      if (text.includes("St John's Community Centre")) {
        await (await driver.find(`#pick-name-${side}`)).click();
        chosenName = "St John's Community Centre";
      }
    }
    assert.ok(chosenName, "one side offers the name with an apostrophe");
    assert.equal(await (await nameRow.find(".result")).text(), chosenName);
    await driver.execute("document.getElementById('merge').scrollIntoView({ block: 'end' })");
    await driver.screenshot(path.join(artifacts, "duplicates-review-actions.png"));

    await (await driver.find("#merge")).click();
    const message = await driver.waitFor("the merge to be announced", async () => {
      const t = await (await driver.find("#duplicates-message")).text();
      return t.startsWith("Merged") && t;
    });
    assert.match(message, /1 of \d+ reviewed/);
    // The kept group is named as it is after the merge (it may have taken the other's name).
    assert.match(message, new RegExp(`^Merged .* into ${chosenName}[ .]`));
    assert.match(await (await driver.waitForElement("#last-merge")).text(), new RegExp(`into ${chosenName}[ .]`));
    assert.equal(await queueRow(driver, ST_JOHNS), null);
    await driver.waitForElement("#undo-merge");
    await driver.screenshot(path.join(artifacts, "duplicates-merged.png"));

    let names = await directoryNames(driver);
    assert.ok(names.includes(chosenName), "the merged group keeps the chosen name");
    assert.equal(names.filter((n) => ST_JOHNS.includes(n)).length, 1, "only one St John's entry is left");

    // Undo from the Duplicates screen, after going elsewhere: both entries come back.
    await (await driver.find("#nav-duplicates")).click();
    await (await driver.waitForElement("#undo-merge")).click();
    await driver.waitFor("the undo to be announced", async () => (await (await driver.find("#duplicates-message")).text()).startsWith("Merge undone"));
    await driver.waitFor("the pair back in the queue", () => queueRow(driver, ST_JOHNS));
    names = await directoryNames(driver);
    for (const n of ST_JOHNS) assert.ok(names.includes(n), `${n} is back in the directory`);
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "duplicates-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("'Not a duplicate' takes the pair out of the queue and moves on", async () => {
  const dir = tempDir();
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await openDuplicates(driver);
    const row = await driver.waitFor("the Eccles pair in the queue", () => queueRow(driver, ECCLES));
    await (await row.find(".review-pair")).click();
    await driver.waitFor("the Eccles pair under review", async () => (await (await driver.find("#merge-fields")).text()).includes(ECCLES[1]));
    await (await driver.find("#not-duplicate")).click();
    await driver.waitFor("the decision to be announced", async () => /not duplicates/.test(await (await driver.find("#duplicates-message")).text()));
    assert.equal(await queueRow(driver, ECCLES), null);
    assert.match(await (await driver.find("#review-progress")).text(), /^1 of \d+ reviewed/);
    // Focus is on the next pair (or on the empty queue's message), never left on a removed button.
    const focused = await driver.execute("return document.activeElement.id");
    assert.ok(["review-title", "queue-empty"].includes(focused), `focus is on ${focused}`);

    // A new scan does not propose it again.
    await (await driver.find("#scan-duplicates")).click();
    await driver.waitFor("the scan to finish", async () => /Scan finished/.test(await (await driver.find("#duplicates-message")).text()));
    assert.equal(await queueRow(driver, ECCLES), null);
    assert.ok(await queueRow(driver, ST_JOHNS), "other pairs are still proposed");
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "duplicates-dismiss-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

// A CVS tester merged "Sale and District Scout Council" into "SALE DISTRICT SCOUT COUNCIL", keeping
// the other's name, and read "Merged Sale and District Scout Council into SALE DISTRICT SCOUT
// COUNCIL". The queue, the review's headings and the messages name both as shown (capitals in
// title case), the kept group by its name after the merge; the Name row offers the stored names.
test("a merge keeping the other's name names the kept group as it is now called, capitals in title case", async () => {
  const SALE = ["Sale District Scout Council", "Sale and District Scout Council"];
  const dir = tempDir();
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  const title = async () => (await driver.findAll("#group-title")).length && (await (await driver.find("#group-title")).text());
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    for (const [name, shown] of [["SALE DISTRICT SCOUT COUNCIL", SALE[0]], [SALE[1], SALE[1]]]) {
      await press(driver, "#add-group");
      await (await driver.waitForElement("#group-name")).type(name);
      await press(driver, "#group-save");
      // The second is asked about (the same name once folded): it is added anyway.
      await driver.waitFor(`${name} saved`, async () => {
        if ((await driver.findAll("#group-add-anyway")).length) await press(driver, "#group-add-anyway");
        return (await title()) === shown;
      });
      await press(driver, "#nav-directory");
    }
    await openDuplicates(driver);
    const row = await driver.waitFor("the Sale pair in the queue", () => queueRow(driver, SALE));
    assert.doesNotMatch(await row.text(), /SALE DISTRICT/, "the queue shows the name as shown");
    await (await row.find(".review-pair")).click();
    const kept = async () => (await (await driver.waitForElement("#merge-fields thead th:nth-child(2)")).text());
    await driver.waitFor("the pair under review", async () => (await (await driver.find("#merge-fields")).text()).includes("SALE DISTRICT SCOUT COUNCIL"));
    // Keep the record of the one in capitals, and take the other's name.
    if (!(await kept()).startsWith(`${SALE[0]} `)) {
      await press(driver, "#swap-kept");
      await driver.waitFor("the records swapped", async () => (await kept()).startsWith(`${SALE[0]} `));
    }
    const values = await driver.execute(`return [...document.querySelectorAll('#merge-fields tr[data-field="name"] td .value')].map((v) => v.textContent)`);
    assert.deepEqual(values.slice(0, 2), ["SALE DISTRICT SCOUT COUNCIL", SALE[1]], "the name to choose is the stored one");
    assert.equal(await (await driver.find("#merge")).text(), `Merge into ${SALE[0]}`);
    await press(driver, "#pick-name-merged");
    await driver.execute("document.getElementById('review-title').scrollIntoView()");
    await driver.screenshot(path.join(artifacts, "duplicates-review-capitals.png"));
    await press(driver, "#merge");
    const message = await driver.waitFor("the merge to be announced", async () => {
      const t = await (await driver.find("#duplicates-message")).text();
      return t.startsWith("Merged") && t;
    });
    assert.match(message, new RegExp(`^Merged ${SALE[1]} into ${SALE[1]} \\(until now called ${SALE[0]}\\)\\. 1 of \\d+ reviewed\\.$`));
    assert.equal(await (await driver.waitForElement("#last-merge")).text(), `Last merge: ${SALE[1]} into ${SALE[1]}.`);
    await driver.screenshot(path.join(artifacts, "duplicates-merged-capitals.png"));
    await press(driver, "#undo-merge");
    await driver.waitFor("the undo to be announced", async () =>
      (await (await driver.find("#duplicates-message")).text()) === `Merge undone: ${SALE[0]} and ${SALE[1]} are both back as they were.`);
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "duplicates-capitals-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
