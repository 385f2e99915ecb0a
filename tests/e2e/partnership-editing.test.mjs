// Issue 4 in the real window: create a partnership and a seat, appoint a person, record a nil
// declaration and a meeting, open the holder's page and edit their lawful basis, then end the
// term and find the seat vacant with the earlier holder in its history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { artifacts, startApp, tempDir } from "./harness.mjs";

const PARTNERSHIP = "Irlam and Cadishead Community Forum";
const SEAT = "Residents' associations seat";
const PERSON = "Priya Shah";

/** Yesterday in the computer's own time zone, as the app reckons today. */
function yesterday() {
  const d = new Date();
  d.setDate(d.getDate() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

async function seatRow(driver, label) {
  for (const row of await driver.findAll("#seats tr[data-seat-id]")) {
    if ((await row.text()).includes(label)) return row;
  }
  return null;
}

/** The id of the focused element and the seat whose row holds it. */
async function focused(driver) {
  return driver.execute("const a = document.activeElement; return [a.id, a.closest('#seats tr[data-seat-id]')?.dataset.seatId ?? null];");
}

async function retype(driver, css, text) {
  const el = await driver.waitForElement(css);
  await el.clear();
  await el.type(text);
}

test("partnerships, seats, a person and their accountability, edited in the window", async (t) => {
  const dir = tempDir();
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  const rowText = async () => (await (await seatRow(driver, SEAT))?.text()) ?? "";
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await (await driver.find("#nav-partnerships")).click();

    await t.test("create a partnership, add a seat, appoint a person and see them on it", async () => {
      await (await driver.waitForElement("#add-partnership")).click();
      // A partnership without a name is refused beside the field; nothing is saved.
      await (await driver.waitForElement("#pf-save")).click();
      const summary = await driver.waitForElement("#error-summary");
      assert.match(await summary.text(), /Enter the partnership's name/);
      assert.equal(await (await driver.find("#pf-name")).attribute("aria-invalid"), "true");
      await driver.screenshot(path.join(artifacts, "partnership-form-refused.png"));
      await (await driver.find("#pf-name")).type(PARTNERSHIP);
      await (await driver.find("#pf-kind-network")).click();
      await (await driver.find("#pf-convenor")).type("Salford CVS");
      await (await driver.find("#pf-save")).click();
      await driver.waitFor("the new partnership's page", async () => (await (await driver.find("#partnership-title")).text()) === PARTNERSHIP);
      assert.match(await (await driver.find("main")).text(), /Network/);

      await (await driver.find("#add-seat")).click();
      await (await driver.waitForElement("#seat-label")).type(SEAT);
      await (await driver.find("#seat-constituency")).type("Tenants' and residents' associations in Irlam and Cadishead");
      await (await driver.find("#seat-save")).click();
      await driver.waitFor("the seat", async () => (await rowText()).includes("Vacant"));

      await (await (await seatRow(driver, SEAT)).find(".appoint")).click();
      await (await driver.waitForElement("#appoint-new-person")).type(PERSON);
      await driver.execute("document.getElementById('appoint-selection').scrollIntoView({block: 'center'})");
      await driver.screenshot(path.join(artifacts, "appoint-form.png"));
      await retype(driver, "#appoint-term-start", "2025-01-06");
      await (await driver.find("#appoint-save")).click();
      await driver.waitFor("the holder on the seat", async () => (await rowText()).includes(PERSON));
      const text = await rowText();
      assert.doesNotMatch(text, /Vacant/);
      assert.match(text, /No declaration: no declaration of interests on record/);
    });

    await t.test("record a nil declaration and a meeting, and the no-declaration flag clears", async () => {
      await (await (await seatRow(driver, SEAT)).find(".declaration")).click();
      // An empty declaration is not taken for a nil one.
      await (await driver.waitForElement("#decl-save")).click();
      assert.match(await (await driver.waitForElement("#error-summary")).text(), /Enter the interests they declared/);
      await (await driver.find("#decl-nil")).click();
      // The box it was about has gone, and so has the problem and its link to it.
      await driver.waitFor("the stale error to go", async () => (await driver.findAll("#error-summary, #decl-what")).length === 0);
      await (await driver.find("#decl-save")).click();
      await driver.waitFor("the flag to clear", async () => {
        const t = await rowText();
        return t.includes(PERSON) && !t.includes("No declaration");
      });
      // Saved, the form gives focus back to the button that opened it.
      const seatId = await (await seatRow(driver, SEAT)).attribute("data-seat-id");
      assert.deepEqual(await focused(driver), [`seat-${seatId}-declaration`, seatId]);

      await (await driver.find("#record-meeting")).click();
      await (await driver.waitForElement("#att-save")).click();
      await driver.waitFor("the register saved", async () => /register for the meeting/.test(await (await driver.find("#partnership-message")).text()));
      assert.deepEqual(await focused(driver), ["record-meeting", null]);

      await (await (await seatRow(driver, SEAT)).find(".seat-details")).click();
      const log = await driver.waitForElement("#seats .details-row");
      await driver.waitFor("the log", async () => /nothing to declare \(nil declaration\)/.test(await log.text()) && /Present/.test(await log.text()));
      await driver.screenshot(path.join(artifacts, "partnership-page.png"));
    });

    await t.test("open the holder's page from their name and record their consent", async () => {
      await (await (await seatRow(driver, SEAT)).find(".person-link")).click();
      await driver.waitFor("the person's page", async () => (await (await driver.find("#person-title")).text()) === PERSON);
      const seats = await (await driver.find("#person-seats")).text();
      assert.match(seats, new RegExp(PARTNERSHIP));
      assert.match(seats, /Holds it now/);
      await (await driver.find("#person-edit")).click();
      await (await driver.waitForElement("#person-basis-consent")).click();
      await (await driver.find("#person-save")).click();
      assert.match(await (await driver.waitForElement("#error-summary")).text(), /Enter the date they gave consent/);
      await (await driver.find("#person-consent-date")).type("2025-01-10");
      await (await driver.find("#person-save")).click();
      await driver.waitFor("the saved details", async () => /Consent, given 10 January 2025/.test(await (await driver.find("#person-details")).text()));
      await driver.screenshot(path.join(artifacts, "person-page.png"));
      await (await driver.find("#person-back")).click();
      await driver.waitFor("the partnership again", async () => (await (await driver.find("#partnership-title")).text()) === PARTNERSHIP);
    });

    await t.test("end the appointment: the seat is vacant and the earlier holder is in its history", async () => {
      // End term waits behind the seat's "More for this seat".
      await (await (await seatRow(driver, SEAT)).find(".seat-more")).click();
      await (await (await seatRow(driver, SEAT)).find(".end-term")).click();
      await retype(driver, "#end-term-end", yesterday());
      await (await driver.find("#end-save")).click();
      await driver.waitFor("the seat vacant", async () => /Vacant/.test(await rowText()));
      assert.match(await rowText(), new RegExp(`Last held by ${PERSON}`));
      // End term has gone with the holder: focus is on the seat's first action, Appoint.
      const seatId = await (await seatRow(driver, SEAT)).attribute("data-seat-id");
      assert.deepEqual(await focused(driver), [`seat-${seatId}-appoint`, seatId]);
      await (await (await seatRow(driver, SEAT)).find(".seat-details")).click();
      const history = await driver.waitForElement("#seats .details-row .history");
      await driver.waitFor("the history", async () => (await history.text()).includes(PERSON));
      assert.match(await history.text(), /6 January 2025 to/);
      await driver.screenshot(path.join(artifacts, "seat-vacant-history.png"));
    });
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "partnership-editing-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
