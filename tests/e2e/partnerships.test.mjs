// Issue: partnerships, seats and accountability, in the real window. Appoint a person to a vacant
// seat, see the report-back flag it raises, record a report-back, see the flag clear, and correct
// the term; focus stays on the seat's row as each form closes. And a seat's wards and categories
// are named under it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Key, keys } from "./actions.mjs";
import { violations } from "./axe.mjs";
import { artifacts, startApp } from "./harness.mjs";

/** Where focus is: the focused element's id, the seat whose row holds it (or null), and its focus
 * ring (the yellow shadow and the black outline). */
async function focus(driver) {
  const [id, seat, ring, outline] = await driver.execute(
    "const a = document.activeElement; const row = a.closest('#seats tr[data-seat-id]'); const st = getComputedStyle(a);" +
      "return [a.id, row ? row.dataset.seatId : null, st.boxShadow, `${st.outlineStyle} ${st.outlineWidth}`];",
  );
  return { id, seat, ring, outline };
}

async function seatRow(driver, label) {
  for (const row of await driver.findAll("#seats tr[data-seat-id]")) {
    if ((await row.text()).includes(label)) return row;
  }
  return null;
}

test("appoint to a vacant seat, record a report-back, and the overdue flag clears", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  const seat = "Community groups seat";
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await (await driver.find("#nav-partnerships")).click();
    const link = await driver.waitFor("the Community Safety Partnership", async () => {
      for (const l of await driver.findAll("#partnership-list .partnership-link")) {
        if ((await l.text()) === "Community Safety Partnership") return l;
      }
      return null;
    });
    await link.click();
    await driver.waitFor("its seats", async () => (await (await driver.find("#partnership-title")).text()) === "Community Safety Partnership");

    let row = await seatRow(driver, seat);
    const seatId = await row.attribute("data-seat-id");
    assert.match(await row.text(), /Vacant: no one holds this seat/);
    // The whole constituency shows under the seat: its words and its categories by name.
    assert.match(await row.text(), /Speaks for: People living in a poor or low status neighbourhood/);
    await (await row.find(".appoint")).click();

    const setDate = (id, value) =>
      driver.execute(
        "const i = document.getElementById(arguments[0]); i.value = arguments[1]; i.dispatchEvent(new Event('input', { bubbles: true }));",
        [id, value],
      );
    // An appointment without a person (or a start) is refused, says why in the order of the
    // form's fields (the person comes first), and saves nothing.
    await driver.waitForElement("#appoint-save");
    await setDate("appoint-term-start", "");
    await (await driver.find("#appoint-save")).click();
    const summary = await driver.waitForElement("#error-summary");
    const problems = await Promise.all((await summary.findAll("li")).map((li) => li.text()));
    assert.deepEqual(problems, ["Choose a person or enter a new person's name", "Enter the date"]);
    await (await driver.find("#appoint-new-person")).type("Jordan Ellis");
    await setDate("appoint-term-start", "2026-01-05");
    await setDate("appoint-term-end", "");
    // Saved from the keyboard (Enter in the name), as the tester did.
    await (await driver.find("#appoint-new-person")).type("\uE007");
    await driver.waitFor("the new holder", async () => (await (await seatRow(driver, seat))?.text())?.includes("Jordan Ellis"));
    row = await seatRow(driver, seat);
    const flags = await row.text();
    assert.doesNotMatch(flags, /no one holds this seat/);
    assert.match(flags, /Report-back overdue: no report-back since the term began on 5 January 2026/);
    // Focus is back on the seat's row, on the new holder's first action (Appoint has gone), with
    // its ring showing; what was saved is said in the live region, which does not take focus.
    await driver.waitFor("focus on the seat's row", async () => (await focus(driver)).seat === seatId);
    let f = await focus(driver);
    assert.equal(f.id, `seat-${seatId}-report`);
    assert.match(f.ring, /rgb\(255, 221, 0\)/, `the yellow focus ring: ${f.ring}`);
    assert.equal(f.outline, "solid 3px", "and its black outline");
    const status = await driver.find("#partnership-message");
    assert.equal(await status.attribute("aria-live"), "polite");
    assert.equal(await status.text(), "Jordan Ellis now holds Community groups seat.");
    await driver.screenshot(path.join(artifacts, "partnership-appointed-focus.png"));

    await (await row.find(".report-back")).click();
    await (await driver.waitForElement("#rb-how")).type("Written update to the network");
    await (await driver.find("#rb-to")).type("Community groups network");
    await (await driver.find("#rb-save")).click();
    await driver.waitFor("the flag to clear", async () => {
      const t = await (await seatRow(driver, seat)).text();
      return t.includes("Jordan Ellis") && !t.includes("Report-back overdue");
    });
    // The button that opened the form is still there: focus goes back to it.
    await driver.waitFor("focus on Report-back again", async () => (await focus(driver)).id === `seat-${seatId}-report`);
    await driver.screenshot(path.join(artifacts, "partnership.png"));

    // Cancelled (Escape), a form gives focus back to its button too.
    await (await (await seatRow(driver, seat)).find(".declaration")).click();
    await (await driver.waitForElement("#decl-nil")).type("\uE00C");
    await driver.waitFor("focus on Declaration", async () => (await focus(driver)).id === `seat-${seatId}-declaration`);

    // The rarer actions wait behind one disclosure, "More for this seat": not on the row until it
    // is opened, and opened from the keyboard (Enter on it) they show right under it, it says it
    // is expanded, and focus stays on it.
    const RARE = ".correct-appointment, .end-term, .appoint-alternate, .end-alternate, .edit-seat";
    row = await seatRow(driver, seat);
    assert.equal((await row.findAll(RARE)).length, 0, "the rarer actions are hidden at first");
    const more = await row.find(".seat-more");
    assert.equal(await more.attribute("aria-expanded"), "false");
    assert.equal(await more.attribute("aria-controls"), `seat-${seatId}-more-actions-list`);
    assert.match(await more.property("textContent"), /More for this seat \(Community groups seat\)/, "it names its seat to a screen reader");
    await driver.execute("arguments[0].focus();", [more]);
    await keys(driver, Key.ENTER);
    await driver.waitFor("the disclosure open", async () => (await more.attribute("aria-expanded")) === "true");
    const revealed = await row.findAll(RARE);
    assert.deepEqual(
      await Promise.all(revealed.map((b) => b.attribute("id"))),
      ["correct", "end", "alternate", "edit"].map((kind) => `seat-${seatId}-${kind}`),
    );
    for (const b of revealed) assert.equal(await b.displayed(), true);
    assert.equal((await driver.findAll(`#seat-${seatId}-more-actions-list .correct-appointment`)).length, 1, "inside the region it controls");
    assert.equal((await focus(driver)).id, `seat-${seatId}-more-actions`);
    await driver.screenshot(path.join(artifacts, "partnership-more-open.png"));

    // Correcting the term: an end before the start is refused beside the field; a real one saves.
    await (await (await seatRow(driver, seat)).find(".correct-appointment")).click();
    await driver.waitForElement("#appoint-term-end");
    await setDate("appoint-term-end", "2025-12-31");
    await (await driver.find("#appoint-save")).click();
    assert.match(await (await driver.waitForElement("#error-summary")).text(), /cannot end \(31 December 2025\) before it starts/);
    await setDate("appoint-term-end", "2027-12-31");
    await (await driver.find("#appoint-save")).click();
    await driver.waitFor("the corrected term", async () => /5 January 2026 to 31 December 2027/.test((await (await seatRow(driver, seat))?.text()) ?? ""));
    assert.match(await (await driver.find("#partnership-message")).text(), /Jordan Ellis's appointment to Community groups seat is corrected/);
    // The disclosure stayed open through the form, so focus is back on Correct term.
    f = await focus(driver);
    assert.equal(f.id, `seat-${seatId}-correct`);
    assert.equal(await (await (await seatRow(driver, seat)).find(".seat-more")).attribute("aria-expanded"), "true");
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "partnership-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a seat's wards and categories are listed under it in the seats table", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await (await driver.find("#nav-partnerships")).click();
    const link = await driver.waitFor("the Voluntary Sector Assembly", async () => {
      for (const l of await driver.findAll("#partnership-list .partnership-link")) {
        if ((await l.text()) === "Voluntary Sector Assembly") return l;
      }
      return null;
    });
    await link.click();
    await driver.waitFor("its seats", async () => (await (await driver.find("#partnership-title")).text()) === "Voluntary Sector Assembly");
    // No words typed for its constituency, but four wards chosen: the table names them.
    const row = await seatRow(driver, "Community groups (Swinton and Walkden)");
    const words = await (await row.find("td")).text();
    assert.match(words, /Wards: Swinton & Wardley, Swinton Park, Walkden North, Walkden South/);
    assert.doesNotMatch(await row.text(), /No constituency/);
    await driver.execute("arguments[0].scrollIntoView({ block: 'center' });", [row]);
    await driver.screenshot(path.join(artifacts, "partnership-seat-wards.png"));
    assert.deepEqual(await violations(driver), [], "WCAG 2.2 AA (axe) on the seats table with its wards");
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "partnership-wards-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
