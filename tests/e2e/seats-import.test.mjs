// Issue: seats imported from a spreadsheet in the window, not only on the command line. A seats
// file naming groups of the demo directory is imported on the Import and export screen, its summary
// says what was saved, and the Partnerships screen shows the new partnership with its holders. A
// file with a bad row is refused by row and column and saves nothing; an empty file is refused
// beside the path, naming it. What the import saved is in the partnership's History of changes, and
// the import is undone as one step from the Import and export screen, found there after looking at
// the Partnerships screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { go, press } from "./actions.mjs";
import { artifacts, startApp } from "./harness.mjs";
import { Keys } from "./webdriver.mjs";

const HEADER = "partnership,seat,sector,constituency,holder,holder_group,term_start,term_end,selection\r\n";
// Not in the demo directory; its holders' groups are (one named, one by its charity number).
const PANEL = "Ordsall Residents Panel";

/** The names on the Partnerships screen, once it has listed them. */
async function partnershipNames(driver) {
  await go(driver, "partnerships");
  return driver.waitFor("the partnerships", async () => {
    const links = await driver.findAll("#partnership-list .partnership-link");
    return links.length > 0 && Promise.all(links.map((l) => l.text()));
  });
}

async function seatRow(driver, label) {
  for (const row of await driver.findAll("#seats tr[data-seat-id]")) {
    if ((await row.text()).includes(label)) return row;
  }
  return null;
}

/** Types the path into the seats section and imports it, with the button or with Enter. */
async function importSeats(driver, file, { enter = false } = {}) {
  const field = await driver.waitForElement("#seats-path");
  await driver.execute("arguments[0].scrollIntoView({ block: 'center' });", [field]);
  await field.clear();
  if (enter) return field.type(`${file}${Keys.ENTER}`);
  await field.type(file);
  await press(driver, "#seats-import");
}

test("a seats spreadsheet imported in the window adds its partnership, seats and holders to the Partnerships screen", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const csv = path.join(dir, "ordsall-seats.csv");
  writeFileSync(
    csv,
    HEADER +
      `${PANEL},Tenants' seat,residents,Council tenants in Ordsall,Priya Shah,Trinity Estate Residents Association,2026-01-05,2028-01-04,open election\r\n` +
      `${PANEL},Voluntary sector seat,VCSE,,Sam Ojo,1092385,05/01/2026,,open nomination\r\n` +
      `${PANEL},Council seat,public,,,,,,\r\n`,
  );
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    const before = await partnershipNames(driver);
    assert.ok(!before.includes(PANEL), "the panel is not in the demo directory");

    await go(driver, "import");
    assert.match(
      await (await driver.waitForElement("#seats-columns")).text(),
      /partnership, seat, sector, constituency, holder, holder_group, term_start, term_end, selection .*only partnership, seat and sector are needed/,
    );
    // What goes in each column opens from the keyboard too: it is a <details>.
    await press(driver, "#seats-columns-help summary");
    assert.match(await (await driver.find("#seats-columns-help")).text(), /selection\s*open election, open nomination, appointed, co-opted or invited\./);
    await driver.screenshot(path.join(artifacts, "seats-import-columns.png"));
    await importSeats(driver, csv);
    const result = await driver.waitForElement("#seats-result", 30000);
    assert.equal(await result.text(), "ordsall-seats.csv imported: 3 rows, 3 seats added and no seats updated, 2 people added, 2 appointments added.");
    assert.equal(
      await (await driver.find("#seats-new-partnerships")).text(),
      `A new partnership was made as a forum: ${PANEL}. Open it under Partnerships and choose Edit partnership to set its kind, convening body and meeting pattern.`,
    );
    const status = await driver.find("#seats-status");
    assert.equal(await status.attribute("role"), "status", "said in a live region");
    assert.match(await status.text(), /ordsall-seats\.csv imported/);
    assert.equal(await (await driver.find("#seats-people")).text(), "2");
    assert.equal(await (await driver.find("#seats-appointments")).text(), "2");
    assert.equal(await (await driver.find("#seats-path")).property("value"), csv, "the path stays");
    await driver.execute("document.getElementById('seats-title').scrollIntoView()");
    await driver.screenshot(path.join(artifacts, "seats-import.png"));

    // The Partnerships screen lists the new partnership, made as a forum, with one seat vacant.
    const after = await partnershipNames(driver);
    assert.deepEqual(after.filter((n) => !before.includes(n)), [PANEL]);
    const row = await driver.waitFor("the panel's row", async () => {
      for (const r of await driver.findAll("#partnership-list tr[data-partnership-id]")) {
        if ((await r.text()).includes(PANEL)) return r;
      }
      return null;
    });
    assert.deepEqual(
      await driver.execute("return [...arguments[0].cells].slice(1, 4).map(c => c.textContent.trim());", [row]),
      ["Forum", "3", "1"],
      "kind, seats and vacant",
    );
    for (const l of await driver.findAll("#partnership-list .partnership-link")) {
      if ((await l.text()) === PANEL) {
        await driver.execute("arguments[0].scrollIntoView({ block: 'center' });", [l]);
        await l.click();
        break;
      }
    }
    await driver.waitFor("its seats", async () => (await (await driver.find("#partnership-title")).text()) === PANEL);
    const tenants = await (await seatRow(driver, "Tenants' seat")).text();
    assert.match(tenants, /Priya Shah/);
    assert.match(tenants, /Trinity Estate Residents Association/);
    const vcse = await (await seatRow(driver, "Voluntary sector seat")).text();
    assert.match(vcse, /Sam Ojo/);
    assert.match(vcse, /Salford Later Life Trust/, "the group found by its charity number");
    assert.match(await (await seatRow(driver, "Council seat")).text(), /Vacant/);
    await driver.screenshot(path.join(artifacts, "seats-import-partnership.png"));

    // Each seat the import added is in the partnership's History of changes.
    await press(driver, "#history-partnership summary");
    const added = await driver.waitFor("the import's rows in the history", async () => {
      const rows = await driver.findAll('#history-partnership tr[data-action="created"]');
      return rows.length >= 4 && Promise.all(rows.map((r) => r.text()));
    });
    for (const seat of ["Tenants' seat", "Voluntary sector seat", "Council seat"]) {
      const row = added.find((t) => t.includes(seat));
      assert.ok(row, `${seat} is in the history: ${added.join(" | ")}`);
      assert.match(row, /From the seats import of ordsall-seats\.csv/, "it says which import made it");
    }
    await driver.execute("document.getElementById('history-partnership').scrollIntoView()");
    await driver.screenshot(path.join(artifacts, "seats-import-history.png"));

    // Back on Import and export the summary is still there, with its Undo: pressed from the
    // keyboard, it takes the whole import back.
    await go(driver, "import");
    const undo = await driver.waitForElement("#seats-undo");
    assert.equal(await undo.text(), "Undo this import");
    await driver.execute("arguments[0].scrollIntoView({ block: 'center' }); arguments[0].focus();", [undo]);
    await driver.screenshot(path.join(artifacts, "seats-import-undo.png"));
    await undo.type(Keys.ENTER);
    const undone = await driver.waitForElement("#seats-undo-result", 30000);
    assert.equal(
      await undone.text(),
      "The import of ordsall-seats.csv was undone: 1 partnership, 3 seats, 2 people and 2 appointments removed.",
    );
    await driver.waitFor("focus on what the undo did", async () => (await driver.execute("return document.activeElement.id")) === "seats-undo-result");
    assert.equal((await driver.findAll("#seats-undo")).length, 0, "no second undo");
    await driver.execute("document.getElementById('seats-title').scrollIntoView()");
    await driver.screenshot(path.join(artifacts, "seats-import-undone.png"));
    assert.deepEqual(await partnershipNames(driver), before, "the panel is gone again");
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "seats-import-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a seats file with a bad row is refused by row and column and saves nothing; an empty file is refused beside the path", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const bad = path.join(dir, "seats-bad.csv");
  writeFileSync(
    bad,
    HEADER +
      `${PANEL},Tenants' seat,residents,,Priya Shah,Trinity Estate Residents Association,2026-01-05,,open election\r\n` +
      `${PANEL},Voluntary sector seat,VCSE,,Sam Ojo,,2026-06-01,2026-01-31,open nomination\r\n`,
  );
  const empty = path.join(dir, "empty-seats.csv");
  writeFileSync(empty, "\uFEFF\r\n\r\n");
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    const before = await partnershipNames(driver);

    // Imported from the keyboard: Enter in the path field.
    await go(driver, "import");
    await importSeats(driver, bad, { enter: true });
    const heading = await driver.waitForElement("#seats-problems-title", 30000);
    assert.equal(await heading.text(), "seats-bad.csv was not imported: 1 problem");
    assert.equal(await driver.execute("return document.activeElement.id"), "seats-problems-title", "the heading takes focus");
    const cells = await driver.execute(
      "return [...document.querySelectorAll('#seats-problem-rows tbody tr')].map(r => [...r.cells].map(c => c.textContent));",
      [],
    );
    assert.deepEqual(cells, [["3", "term_end", "the term cannot end (31 January 2026) before it starts (1 June 2026)"]]);
    assert.match(await (await driver.find("#seats-problems")).text(), /Nothing was saved/);
    assert.equal(await (await driver.find("#seats-path")).property("value"), bad, "the typed path stays");
    assert.equal((await driver.findAll("#seats-result")).length, 0, "no summary");
    await driver.execute("document.getElementById('seats-title').scrollIntoView()");
    await driver.screenshot(path.join(artifacts, "seats-import-refused.png"));

    // An empty file: named beside the path, which takes focus; the row problems are gone.
    await importSeats(driver, empty);
    const err = await driver.waitForElement("#seats-path-error");
    assert.equal(await err.text(), "empty-seats.csv is empty: it has no column names and no rows.");
    assert.equal(await (await driver.find("#seats-path")).attribute("aria-invalid"), "true");
    assert.equal(await driver.execute("return document.activeElement.id"), "seats-path");
    assert.equal((await driver.findAll("#seats-problems")).length, 0);
    await driver.screenshot(path.join(artifacts, "seats-import-empty.png"));

    assert.deepEqual(await partnershipNames(driver), before, "not even the good row's partnership was saved");
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "seats-import-refused-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an import is undone later, after the window was closed, from Earlier imports, asking first", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const csv = path.join(dir, "panel-seats.csv");
  writeFileSync(csv, HEADER + `${PANEL},Tenants' seat,residents,Council tenants in Ordsall,Priya Shah,,2026-01-05,,open election\r\n`);
  const dbPath = path.join(dir, "directory.sqlite3");
  let app = await startApp({ dbPath });
  let before;
  try {
    await app.driver.waitForElement("#group-list tr[data-group-id]");
    before = await partnershipNames(app.driver);
    await go(app.driver, "import");
    await importSeats(app.driver, csv);
    await app.driver.waitForElement("#seats-result", 30000);
  } finally {
    await app.stop();
  }

  app = await startApp({ dbPath });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    assert.ok((await partnershipNames(driver)).includes(PANEL), "the import was kept");
    await go(driver, "import");
    const row = await driver.waitForElement('#earlier-imports tr[data-kind="seats"]');
    const cells = await driver.execute("return [...arguments[0].cells].map(c => c.textContent.trim());", [row]);
    assert.equal(cells[1], "Seats");
    assert.equal(cells[2], "panel-seats.csv");
    assert.match(cells[4], /^Imported 1 row: 1 seat added/);
    const id = await row.attribute("data-import-id");
    const buttonId = `earlier-undo-seats-${id}`;

    // Asked first; "Keep it" changes nothing and gives focus back to the button.
    await press(driver, `#${buttonId}`);
    const question = await driver.waitForElement("#earlier-undo-question");
    assert.match(await question.text(), /^Undo the import of panel-seats\.csv made .*\?/);
    assert.equal(await driver.execute("return document.activeElement.id"), "earlier-undo-question", "the question takes focus");
    await driver.execute("document.getElementById('earlier-title').scrollIntoView()");
    await driver.screenshot(path.join(artifacts, "earlier-imports-confirm.png"));
    for (const b of await driver.findAll(".confirm button")) {
      if ((await b.text()) === "Keep it") {
        await b.click();
        break;
      }
    }
    await driver.waitFor("focus back on Undo…", async () => (await driver.execute("return document.activeElement.id")) === buttonId);
    assert.equal((await driver.findAll("#earlier-undo-question")).length, 0);
    // Escape keeps it too, as it closes the seat forms.
    await press(driver, `#${buttonId}`);
    await (await driver.waitForElement("#earlier-undo-question")).type(Keys.ESCAPE);
    await driver.waitFor("the question gone on Escape", async () => (await driver.findAll("#earlier-undo-question")).length === 0);
    await driver.waitFor("focus back on Undo… after Escape", async () => (await driver.execute("return document.activeElement.id")) === buttonId);

    // Undone from the keyboard: the notice says what went and takes focus; the row says undone.
    await press(driver, `#${buttonId}`);
    const confirm = await driver.waitForElement("#earlier-undo-confirm");
    await driver.execute("arguments[0].focus();", [confirm]);
    await confirm.type(Keys.ENTER);
    const notice = await driver.waitForElement("#earlier-notice", 30000);
    assert.equal(await notice.text(), "The import of panel-seats.csv was undone: 1 partnership, 1 seat, 1 person and 1 appointment removed.");
    await driver.waitFor("focus on the notice", async () => (await driver.execute("return document.activeElement.id")) === "earlier-notice");
    await driver.waitFor("the row marked undone", async () => {
      const r = await driver.find('#earlier-imports tr[data-kind="seats"]');
      return /Undone /.test(await r.text());
    });
    assert.equal((await driver.findAll(`#${buttonId}`)).length, 0, "no Undo on an undone import");
    await driver.execute("document.getElementById('earlier-title').scrollIntoView()");
    await driver.screenshot(path.join(artifacts, "earlier-imports-undone.png"));
    assert.deepEqual(await partnershipNames(driver), before, "the panel is gone");
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "earlier-imports-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
