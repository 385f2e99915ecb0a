// Issue: partnerships, seats and accountability, in the real window. Appoint a person to a vacant
// seat, see the report-back flag it raises, record a report-back, see the flag clear, and correct
// the term; focus stays on the seat's row as each form closes. And a seat's wards and categories
// are named under it; a passed annual review is said to be overdue, in the list and on the page;
// an alternate's group shows as the holder's does, and an alternate's term can be corrected.
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
    const RARE = ".correct-appointment, .end-term, .correct-alternate, .appoint-alternate, .end-alternate, .edit-seat";
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

/** Days from `iso` to today in the computer's own time zone, as the app reckons today. */
function daysSince(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const now = new Date();
  return Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(y, m - 1, d)) / 86400000);
}

test("a passed review is overdue in the list and on the page; an alternate's group shows and their term is corrected", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  const board = "City Partnership Board";
  const seat = "Faith communities seat";
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await (await driver.find("#nav-partnerships")).click();
    await driver.waitForElement("#partnership-list tr[data-partnership-id]");
    const listRow = async (name) => {
      for (const row of await driver.findAll("#partnership-list tr[data-partnership-id]")) {
        if ((await (await row.find(".partnership-link")).text()) === name) return row;
      }
      return null;
    };
    // The demo board's review was due on 12 November 2026: marked in words in the list, not by
    // colour alone. The Health and Wellbeing Board's (10 March 2027) is still to come.
    const late = daysSince("2026-11-12");
    assert.ok(late > 0, "the demo's review date has passed on this computer's clock");
    const ago = late === 1 ? "1 day ago" : `${late} days ago`;
    const cpb = await listRow(board);
    assert.equal(await (await cpb.find(".review-overdue")).text(), `Review overdue since 12 November 2026, ${ago}`);
    assert.equal((await (await listRow("Health and Wellbeing Board")).findAll(".review-overdue")).length, 0);
    await driver.execute("arguments[0].scrollIntoView({ block: 'center' });", [cpb]);
    await driver.screenshot(path.join(artifacts, "partnerships-review-overdue.png"));

    await (await cpb.find(".partnership-link")).click();
    await driver.waitFor("its page", async () => (await (await driver.find("#partnership-title")).text()) === board);
    assert.equal(await (await driver.find("#review-overdue")).text(), `overdue since 12 November 2026, ${ago}`);
    assert.match(await (await driver.find("dl.summary")).text(), /Next annual review\s*12 November 2026, overdue since 12 November 2026/);

    // The alternate's group (whose faith and BME flags the seat balance counts) shows under
    // them with its class, as the holder's does.
    let row = await seatRow(driver, seat);
    const seatId = await row.attribute("data-seat-id");
    const holderCell = await row.find("td.holder");
    assert.match(await holderCell.text(), /Alternate: Rachel Blum/);
    const group = await row.find(".alternate-group");
    assert.equal(await group.text(), "Salford Interfaith Women's Group");
    const tags = await driver.execute(
      "return [...arguments[0].querySelectorAll('.holder-group, .alternate-group')].map((g) => g.nextElementSibling?.classList.contains('tag') ? g.nextElementSibling.textContent : null);",
      [holderCell],
    );
    assert.equal(tags.length, 2);
    assert.ok(tags.every((t) => t), `each group with its class badge: ${tags}`);
    await driver.execute("window.scrollTo(0, 0);");
    await driver.screenshot(path.join(artifacts, "partnership-review-overdue.png"));

    // Under "More for this seat": Correct alternate's term, beside End alternate.
    await (await row.find(".seat-more")).click();
    const ids = await driver.waitFor("the rarer actions", async () => {
      const found = await (await seatRow(driver, seat)).findAll(`#seat-${seatId}-more-actions-list button`);
      return found.length ? Promise.all(found.map((b) => b.attribute("id"))) : null;
    });
    assert.deepEqual(ids, ["correct", "end", "correct-alternate", "end-alternate", "edit"].map((k) => `seat-${seatId}-${k}`));
    const button = await driver.find(`#seat-${seatId}-correct-alternate`);
    assert.ok((await button.attribute("class")).split(" ").includes("correct-alternate"));
    assert.match(await button.property("textContent"), /Correct alternate's term, Rachel Blum/);
    await driver.execute("arguments[0].scrollIntoView({ block: 'center' });", [row]);
    await driver.screenshot(path.join(artifacts, "partnership-alternate-group.png"));
    await button.click();
    const heading = await driver.waitForElement(`form[aria-label="Correct Rachel Blum's term as alternate for ${seat}"] h3`);
    assert.equal(await heading.text(), `Correct Rachel Blum's term as alternate for ${seat}`);
    // An end before the start is refused beside the field, keeping the rest; a real one saves.
    const setDate = (id, value) =>
      driver.execute(
        "const i = document.getElementById(arguments[0]); i.value = arguments[1]; i.dispatchEvent(new Event('input', { bubbles: true }));",
        [id, value],
      );
    await setDate("appoint-term-end", "2024-12-31");
    await (await driver.find("#appoint-save")).click();
    assert.match(await (await driver.waitForElement("#error-summary")).text(), /cannot end \(31 December 2024\) before it starts \(10 January 2025\)/);
    await setDate("appoint-term-end", "2027-06-30");
    await (await driver.find("#appoint-save")).click();
    await driver.waitFor("the correction saved", async () =>
      (await (await driver.find("#partnership-message")).text()) === `Rachel Blum's term as alternate for ${seat} is corrected.`);
    // The disclosure stayed open through the form: focus is back on the button that opened it.
    await driver.waitFor("focus on Correct alternate's term", async () =>
      (await driver.execute("return document.activeElement.id;")) === `seat-${seatId}-correct-alternate`);
    // The seat's history has the corrected term, still as the alternate.
    await (await (await seatRow(driver, seat)).find(".seat-details")).click();
    const history = await driver.waitForElement(`#seat-${seatId}-more .history`);
    assert.match(await history.text(), /Rachel Blum\s*Alternate\s*Salford Interfaith Women's Group\s*10 January 2025 to 30 June 2027/);
    assert.deepEqual(await violations(driver), [], "WCAG 2.2 AA (axe) on the page with the overdue review and the alternate's group");
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "partnership-overdue-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
