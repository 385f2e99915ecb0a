// UK GDPR in the real window: on a representative's page, set a review date, export everything
// held about them to a file (a subject access request), then erase them after confirming, and
// see the placeholder that keeps their seats' history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { artifacts, startApp, tempDir } from "./harness.mjs";

test("a person's review date, subject access export and erasure", async () => {
  const dir = tempDir();
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await (await driver.find("#nav-partnerships")).click();
    await (await driver.waitForElement("#partnership-list .partnership-link")).click();
    await (await driver.waitForElement("#seats .person-link")).click();
    const title = await driver.waitForElement("#person-title");
    const name = await title.text();
    assert.ok(name.length > 3, "a demo representative's page");

    // A review date that is not a date is refused beside its field; a real one is saved.
    await (await driver.find("#person-edit")).click();
    const review = await driver.waitForElement("#person-review-date");
    await review.clear();
    await review.type("next spring");
    await (await driver.find("#person-save")).click();
    await driver.waitForElement("#error-summary");
    assert.equal(await (await driver.find("#person-review-date")).attribute("aria-invalid"), "true");
    await (await driver.find("#person-review-date")).clear();
    await (await driver.find("#person-review-date")).type("2027-05-01");
    await (await driver.find("#person-save")).click();
    await driver.waitFor("the review date", async () => /1 May 2027/.test(await (await driver.find("#person-review")).text()));

    // Subject access: everything held, in a readable file.
    const sar = path.join(dir, "subject-access.txt");
    await (await driver.find("#person-sar-path")).type(sar);
    await (await driver.find("#person-sar")).click();
    await driver.waitForElement("#person-sar-written");
    const text = readFileSync(sar, "utf8");
    assert.match(text, new RegExp(`Everything Compact Directory holds about ${name}`));
    assert.match(text, /SEATS YOU HOLD OR HAVE HELD/);
    assert.match(text, /Record to be reviewed\s+2027-05-01/);

    // Erasure asks first; keeping them changes nothing.
    await (await driver.find("#person-erase")).click();
    await (await driver.waitForElement("#person-confirm-erase")).click();
    await driver.waitFor("the placeholder", async () => /^Erased person \d+$/.test(await (await driver.find("#person-title")).text()));
    assert.match(await (await driver.find("#person-message")).text(), /Erased: the record is now "Erased person \d+"/);
    assert.match(await (await driver.find("#person-seats")).text(), /\S/, "their seats' history stays");
    assert.equal((await driver.findAll("#person-edit")).length, 0, "an erased record cannot be edited");
    await driver.screenshot(path.join(artifacts, "person-erased.png"));
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "privacy-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("people due for review are listed, and a new review date takes a person off the list", async () => {
  const dir = tempDir();
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  const listed = async () => Promise.all((await driver.findAll("#review-list .review-person")).map((b) => b.text()));
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await (await driver.find("#nav-partnerships")).click();
    await driver.waitForElement("#review-count");
    const before = await listed();
    assert.ok(before.length > 0, "the demo has people past their review date");
    assert.match(await (await driver.find("#review-list")).text(), /review date .* has passed/);
    await driver.execute("document.getElementById('review-title').scrollIntoView()");
    await driver.screenshot(path.join(artifacts, "review-list.png"));

    await (await driver.find("#review-list .review-person")).click();
    await driver.waitFor("their page", async () => (await (await driver.find("#person-title")).text()) === before[0]);
    await (await driver.find("#person-edit")).click();
    const review = await driver.waitForElement("#person-review-date");
    await review.clear();
    await review.type("2099-01-01");
    await (await driver.find("#person-save")).click();
    await driver.waitFor("the new review date", async () => /1 January 2099/.test(await (await driver.find("#person-review")).text()));

    await (await driver.find("#person-back")).click();
    await driver.waitForElement("#review-count");
    await driver.waitFor("the shorter list", async () => (await listed()).length === before.length - 1);
    assert.ok(!(await listed()).includes(before[0]), `${before[0]} is no longer due`);
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "review-list-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
