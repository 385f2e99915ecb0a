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

/** Chooses an option of a select by its value, as a user's choice does (a change event). */
async function choose(driver, id, value) {
  await driver.execute(
    "const s = document.getElementById(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }));",
    [id, value],
  );
}

/** A date typed into a field at once (an input event), as the forms read it. */
async function setDate(driver, id, value) {
  await driver.execute(
    "const i = document.getElementById(arguments[0]); i.value = arguments[1]; i.dispatchEvent(new Event('input', { bubbles: true }));",
    [id, value],
  );
}

/** The register's people, in order, and the day it lists them for. */
async function register(driver) {
  return driver.execute(
    "const t = document.getElementById('register'); return [t ? t.dataset.on : null, t ? [...t.querySelectorAll('tbody th')].map((th) => th.textContent) : []];",
  );
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
      // "Open and transparent" follows the method: ticked for an open election, unticked once
      // "Invited" is chosen, ticked again for an open nomination.
      const open = () => driver.find("#appoint-open").then((b) => b.property("checked"));
      assert.equal(await open(), true);
      await choose(driver, "appoint-selection", "invited");
      assert.equal(await open(), false, "not claimed open for an invitation");
      await choose(driver, "appoint-selection", "open_nomination");
      assert.equal(await open(), true);
      await choose(driver, "appoint-selection", "open_election");
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
      // Dated yesterday, so that the term ended yesterday below still covers it.
      await setDate(driver, "decl-on-date", yesterday());
      await (await driver.find("#decl-save")).click();
      await driver.waitFor("the flag to clear", async () => {
        const t = await rowText();
        return t.includes(PERSON) && !t.includes("No declaration");
      });
      // Saved, the form gives focus back to the button that opened it.
      const seatId = await (await seatRow(driver, SEAT)).attribute("data-seat-id");
      assert.deepEqual(await focused(driver), [`seat-${seatId}-declaration`, seatId]);

      await (await driver.find("#record-meeting")).click();
      await driver.waitFor("today's register", async () => (await register(driver))[1].includes(PERSON));
      // The register follows the meeting's date: before the term began, no one is listed.
      await setDate(driver, "att-on-date", "2024-12-01");
      await driver.waitFor("an empty register", async () => /No one held a seat on this partnership on 1 December 2024/.test(await (await driver.find("main")).text()));
      await setDate(driver, "att-on-date", "2025-02-01");
      await driver.waitFor("the February register", async () => (await register(driver))[0] === "2025-02-01");
      assert.deepEqual((await register(driver))[1], [PERSON]);
      assert.match(await (await driver.find("#register caption")).text(), /In post on 1 February 2025/);
      // A mark made by hand stays when the date changes, for someone still listed.
      await (await driver.find("#att-0-absent")).click();
      await setDate(driver, "att-on-date", yesterday());
      await driver.waitFor("yesterday's register", async () => (await register(driver))[0] === yesterday());
      assert.equal(await (await driver.find("#att-0-absent")).property("checked"), true);
      await driver.screenshot(path.join(artifacts, "register-follows-date.png"));
      await (await driver.find("#att-0-present")).click();
      await (await driver.find("#att-save")).click();
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

    await t.test("an empty report-back and abolishing the seat under its holder are refused", async () => {
      await (await (await seatRow(driver, SEAT)).find(".report-back")).click();
      await (await driver.waitForElement("#rb-save")).click();
      assert.match(await (await driver.waitForElement("#error-summary")).text(), /Say how they reported back or to whom/);
      assert.equal(await (await driver.find("#rb-how")).attribute("aria-invalid"), "true");
      await (await driver.find("#rb-how")).type("\uE00C");
      await driver.waitFor("the form closed", async () => (await driver.findAll("#rb-save")).length === 0);

      await (await (await seatRow(driver, SEAT)).find(".seat-more")).click();
      await (await (await seatRow(driver, SEAT)).find(".edit-seat")).click();
      await retype(driver, "#seat-ended-on", "2025-02-01");
      await (await driver.find("#seat-save")).click();
      const summary = await driver.waitForElement("#error-summary");
      assert.match(await summary.text(), /Priya Shah holds this seat \(from 6 January 2025, no end set\): end their term first, on or before the day the seat is abolished/);
      assert.equal(await (await driver.find("#seat-ended-on")).property("value"), "2025-02-01", "what was typed is kept");
      await driver.screenshot(path.join(artifacts, "seat-abolish-refused.png"));
      await (await driver.find("#seat-ended-on")).type("\uE00C");
      await driver.waitFor("the form closed", async () => (await driver.findAll("#seat-save")).length === 0);
      assert.match(await rowText(), new RegExp(PERSON), "the seat and its holder are still on the page");
      await (await (await seatRow(driver, SEAT)).find(".seat-more")).click();
    });

    await t.test("the partnership form lists every problem at once and Escape closes it", async () => {
      await (await driver.find("#edit-partnership")).click();
      await retype(driver, "#pf-name", " ");
      await (await driver.find("#pf-name")).clear();
      await retype(driver, "#pf-report-back-days", "ninety");
      await retype(driver, "#pf-attendance-min-percent", "150");
      await (await driver.find("#pf-save")).click();
      const items = await Promise.all((await (await driver.waitForElement("#error-summary")).findAll("li")).map((li) => li.text()));
      assert.equal(items.length, 3, items.join(" | "));
      assert.match(items.join(" | "), /Enter the partnership's name.*whole number.*percentage/);
      await (await driver.find("#pf-name")).type("\uE00C");
      await driver.waitFor("the page again, focus on Edit partnership", async () =>
        (await driver.findAll("#partnership-title")).length === 1 && (await driver.execute("return document.activeElement.id")) === "edit-partnership");
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
