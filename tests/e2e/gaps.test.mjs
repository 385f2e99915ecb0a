// Issue 5 in the real window: open the Gaps matrix on the demo directory, choose a missing cell
// and read why, fill the gap on the partnership's page (a seat that speaks for those people, a
// holder from a group that serves them, openly selected, with a nil declaration), and find the
// cell covered. The matrix is also saved as a picture. By keyboard the matrix is one Tab stop, a
// grid the arrow keys move through.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { Key, keys } from "./actions.mjs";
import { artifacts, startApp, tempDir } from "./harness.mjs";

const PARTNERSHIP = "Equality and Diversity Forum";
const CATEGORY = "People with mental health conditions";
const GROUP = "Talking Space Salford"; // a demo group that works with people with mental health conditions
const SEAT = "Mental health seat";
const PERSON = "Grace Okafor";
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

async function seatRow(driver, label) {
  for (const row of await driver.findAll("#seats tr[data-seat-id]")) {
    if ((await row.text()).includes(label)) return row;
  }
  return null;
}

/** The ids of the partnership's row and the category's column, read from the matrix. */
async function cellIds(driver) {
  return driver.execute(
    `const row = [...document.querySelectorAll('#gaps-matrix tbody tr')].find((r) => r.querySelector('th').textContent.trim() === arguments[0]);
     const col = [...document.querySelectorAll('#gaps-matrix thead th[data-category-id]')].find((h) => h.textContent.trim() === arguments[1]);
     return row && col ? [row.dataset.partnershipId, col.dataset.categoryId] : null;`,
    [PARTNERSHIP, CATEGORY],
  );
}

async function openGaps(driver) {
  await (await driver.find("#nav-gaps")).click();
  await driver.waitForElement("#gaps-matrix button.cell[data-status]");
}

test("a missing cell in the gaps matrix, explained, filled on the partnership's page, and covered", async (t) => {
  const dir = tempDir();
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  let ids = null;
  const cell = () => driver.find(`#gaps-matrix button.cell[data-partnership-id="${ids[0]}"][data-category-id="${ids[1]}"]`);
  // The matrix scrolls under sticky headers: bring the cell to the middle of it before a click.
  const clickCell = async () => {
    const c = await cell();
    await driver.execute("arguments[0].scrollIntoView({ block: 'center', inline: 'center' })", [{ [ELEMENT]: c.id }]);
    await c.click();
  };
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");

    await t.test("the matrix shows every cell with a word, a legend and totals, most gaps first", async () => {
      await openGaps(driver);
      ids = await cellIds(driver);
      assert.ok(ids, `${PARTNERSHIP} and ${CATEGORY} are in the matrix`);
      const words = await driver.execute(
        "return [...document.querySelectorAll('#gaps-matrix button.cell')].map((b) => [b.dataset.status, b.textContent.trim()])",
      );
      assert.ok(words.length > 0);
      for (const [status, text] of words) assert.ok(text.includes(status), `the cell says "${status}" in words: ${text}`);
      assert.ok(words.some(([s]) => s === "missing") && words.some(([s]) => s === "covered"));
      assert.match(await (await driver.find(".legend")).text(), /✗ missing[\s\S]*! weak[\s\S]*✓ covered[\s\S]*reserved, vacant/);
      // Most gaps first: each row's missing count is no more than the one above it.
      const missing = await driver.execute(
        "return [...document.querySelectorAll('#gaps-matrix tbody tr')].map((r) => Number(/(\\d+) missing/.exec(r.querySelector('td.total').textContent)[1]))",
      );
      assert.deepEqual(missing, [...missing].sort((a, b) => b - a));
      assert.match(await (await driver.find("#gaps-matrix tfoot")).text(), /\d+ missing, \d+ weak/);
      await driver.screenshot(path.join(artifacts, "gaps-matrix.png"));
    });

    await t.test("by keyboard the matrix is one Tab stop: arrow keys move cell by cell, Enter opens one", async () => {
      // Where focus is: "partnership id:column" in the matrix (column 0 is the partnership's name,
      // the last the row's totals; "foot" is the column totals' row), else the element's id.
      const where = () =>
        driver.execute(
          `const a = document.activeElement; const cell = a.closest('#gaps-matrix tbody th, #gaps-matrix tbody td, #gaps-matrix tfoot th, #gaps-matrix tfoot td');
           if (!cell) return a.id || a.tagName;
           const tr = cell.parentElement; return (tr.dataset.partnershipId ?? 'foot') + ':' + [...tr.children].indexOf(cell);`,
        );
      const [first, second, width] = await driver.execute(
        "const rows = document.querySelectorAll('#gaps-matrix tbody tr'); return [rows[0].dataset.partnershipId, rows[1].dataset.partnershipId, rows[0].children.length];",
      );
      const last = width - 1;
      const stops = await driver.execute(
        "const box = document.getElementById('gaps-matrix').parentElement; return [box, ...box.querySelectorAll('*')].filter((e) => e.tabIndex >= 0).length;",
      );
      assert.equal(stops, 1, "one Tab stop in the matrix, not one per cell");

      // From the last control before the matrix, Tab lands on its first cell.
      await driver.execute("document.querySelector('.tools button').focus()");
      await keys(driver, Key.TAB);
      assert.equal(await where(), `${first}:1`, "Tab goes into the matrix, to its first cell");
      const moves = [
        [Key.RIGHT, `${first}:2`],
        [Key.DOWN, `${second}:2`],
        [Key.LEFT, `${second}:1`],
        [Key.LEFT, `${second}:0`],
        [Key.LEFT, `${second}:0`], // the row's first cell: no further
        [Key.UP, `${first}:0`],
        [Key.UP, `${first}:0`],
        [Key.END, `${first}:${last}`],
        [Key.HOME, `${first}:0`],
        [Key.CONTROL + Key.END + Key.RELEASE, `foot:${last}`],
        [Key.CONTROL + Key.HOME + Key.RELEASE, `${first}:0`],
        [Key.RIGHT + Key.RIGHT + Key.DOWN, `${second}:2`],
      ];
      for (const [key, expected] of moves) {
        await keys(driver, key);
        assert.equal(await where(), expected, `after ${JSON.stringify(key)}`);
      }
      // Down the matrix and back up, right and back left: the focused cell is not left under the
      // sticky headers nor the partnerships' column, and its ring is drawn inside it, where they
      // cannot hide it (WCAG 2.4.11; outside, the first row's ring was under the headers).
      await keys(driver, Key.DOWN.repeat(10) + Key.UP.repeat(10) + Key.RIGHT.repeat(15) + Key.LEFT.repeat(13));
      assert.equal(await where(), `${first}:4`);
      const [cellTop, headBottom, cellLeft, sideRight, offset] = await driver.execute(
        `const cell = document.activeElement.closest('td').getBoundingClientRect();
         return [cell.top, document.querySelector('#gaps-matrix thead').getBoundingClientRect().bottom,
                 cell.left, document.querySelector('#gaps-matrix tbody th').getBoundingClientRect().right,
                 parseFloat(getComputedStyle(document.activeElement).outlineOffset)];`,
      );
      assert.ok(cellTop >= headBottom - 0.5, `the cell (top ${cellTop}) is below the headers (bottom ${headBottom})`);
      assert.ok(cellLeft >= sideRight - 0.5, `the cell (left ${cellLeft}) is right of the partnerships (${sideRight})`);
      assert.ok(offset <= -3, `the ring is inside the cell (outline-offset ${offset}px)`);
      await keys(driver, Key.DOWN);
      assert.equal(await where(), `${second}:4`);

      const [visible, ring, outline] = await driver.execute(
        "const a = document.activeElement; const st = getComputedStyle(a); return [a.matches(':focus-visible'), st.boxShadow, st.outlineStyle + ' ' + st.outlineWidth];",
      );
      assert.ok(visible, "the focused cell shows the focus ring");
      assert.match(ring, /rgb\(255, 221, 0\)/, `the yellow ring: ${ring}`);
      assert.equal(outline, "solid 3px");
      await driver.screenshot(path.join(artifacts, "gaps-keyboard.png"));

      // One more Tab leaves the matrix; Shift+Tab comes back to the cell left.
      await keys(driver, Key.TAB);
      const after = await where();
      assert.ok(!after.includes(":"), `Tab leaves the matrix (focus on ${after})`);
      await keys(driver, Key.SHIFT + Key.TAB + Key.RELEASE);
      assert.equal(await where(), `${second}:4`, "Shift+Tab comes back to the last cell focused");

      // Enter opens the cell, as a click does.
      const [category, partnership] = await driver.execute(
        "const b = document.activeElement; return [document.querySelector(`#gaps-matrix thead th[data-category-id='${b.dataset.categoryId}']`).textContent.trim(), b.closest('tr').querySelector('th').textContent.trim()];",
      );
      await keys(driver, Key.ENTER);
      await driver.waitFor("the cell's explanation", async () => (await (await driver.find("#gap-explanation")).text()).includes(`${category} on ${partnership}:`));
      assert.equal(await where(), `${second}:4`, "focus stays on the cell");
      assert.equal(await driver.execute("return document.activeElement.getAttribute('aria-pressed')"), "true");
    });

    await t.test("the print stylesheet prints the matrix alone, in landscape", async () => {
      // WebKitWebDriver cannot print, so the print rules are read from the page and, for a look,
      // applied to the screen for one screenshot, the page about as wide as landscape A4.
      const rules = await driver.execute(
        `const out = [];
         const walk = (list, inPrint) => { for (const r of list) {
           if (r instanceof CSSMediaRule) walk(r.cssRules, inPrint || r.media.mediaText.includes("print"));
           else if (inPrint) out.push(r.cssText);
         } };
         for (const sheet of document.styleSheets) walk(sheet.cssRules, false);
         return out;`,
      );
      const all = rules.join("\n");
      assert.match(all, /@page[^}]*size:\s*landscape/);
      assert.match(all, /header\.top[^{]*\{[^}]*display:\s*none/);
      assert.match(all, /\.no-print[^{]*\{[^}]*display:\s*none/);
      await driver.execute(
        "const s = document.createElement('style'); s.id = 'print-preview'; s.textContent = arguments[0].filter((r) => !r.startsWith('@page')).join('\\n') + ' main { width: 1030px !important; }'; document.head.append(s); window.scrollTo(0, 0);",
        [rules],
      );
      await driver.screenshot(path.join(artifacts, "gaps-print-preview.png"));
      await driver.execute("document.getElementById('print-preview').remove()");
    });

    await t.test("a missing cell explains itself in words", async () => {
      assert.equal(await (await cell()).attribute("data-status"), "missing");
      await clickCell();
      const text = await driver.waitFor("the explanation", async () => {
        const t = await (await driver.find("#gap-explanation")).text();
        return t.includes(CATEGORY) ? t : null;
      });
      assert.match(text, new RegExp(`${CATEGORY} on ${PARTNERSHIP}: missing`));
      assert.match(text, /no filled seat speaks for them/);
      assert.equal(await (await driver.find("#gap-explanation")).attribute("aria-live"), "polite");
      await driver.screenshot(path.join(artifacts, "gaps-explanation.png"));
    });

    await t.test("the matrix is saved as a picture", async () => {
      const file = path.join(dir, "gaps.svg");
      const input = await driver.find("#picture-path");
      await input.clear();
      await input.type(file);
      await (await driver.find("#picture-save")).click();
      await driver.waitForElement("#picture-saved");
      assert.ok(existsSync(file));
      const svg = readFileSync(file, "utf8");
      assert.match(svg, /^<svg/);
      assert.ok(svg.includes(PARTNERSHIP) && svg.includes("✗ missing"));
      // Whole category names (wrapped over lines, never cut with "…"), and the bottom row says it
      // counts both the missing and the weak.
      assert.ok(!svg.includes("…"), "nothing in the picture is cut short");
      assert.ok(svg.includes("Missing (✗) and weak (!) in each column"));
      // A look at the picture as saved: shown in the window at its own size, its left part and then
      // its right, for a screenshot each.
      await driver.execute(
        "const d = document.createElement('div'); d.id = 'picture-look'; d.style.cssText = 'position: fixed; inset: 0; z-index: 9999; background: #fff; overflow: hidden'; d.innerHTML = arguments[0]; document.body.append(d);",
        [svg],
      );
      await driver.screenshot(path.join(artifacts, "gaps-picture-left.png"));
      await driver.execute("const s = document.querySelector('#picture-look svg'); s.style.marginLeft = `${Math.min(0, window.innerWidth - s.width.baseVal.value)}px`;");
      await driver.screenshot(path.join(artifacts, "gaps-picture-right.png"));
      await driver.execute("document.getElementById('picture-look').remove()");

      // A folder not made yet on the way is made, as for every file an export writes.
      const deeper = path.join(dir, "pictures", "march", "gaps.svg");
      await input.clear();
      await input.type(deeper);
      await (await driver.find("#picture-save")).click();
      await driver.waitFor("the picture saved in the new folder", async () =>
        (await (await driver.find("#picture-saved")).text()).includes(deeper));
      assert.match(readFileSync(deeper, "utf8"), /^<svg/);
    });

    await t.test("fill the gap on the partnership's page", async () => {
      await (await driver.find("#gap-open-partnership")).click();
      await driver.waitFor("the partnership's page", async () => (await (await driver.find("#partnership-title")).text()) === PARTNERSHIP);

      await (await driver.find("#add-seat")).click();
      await (await driver.waitForElement("#seat-label")).type(SEAT);
      await (await driver.find("#seat-constituency")).type("People with mental health conditions and the groups that support them");
      await (await driver.find(`#seat-category-${ids[1]}`)).click();
      await (await driver.find("#seat-save")).click();
      await driver.waitFor("the new seat", async () => ((await (await seatRow(driver, SEAT))?.text()) ?? "").includes("Vacant"));

      await (await (await seatRow(driver, SEAT)).find(".appoint")).click();
      await (await driver.waitForElement("#appoint-new-person")).type(PERSON);
      const group = await driver.find("#appoint-group-id");
      const chosen = await driver.execute(
        `const s = arguments[0]; const o = [...s.options].find((o) => o.text.includes(arguments[1]));
         if (!o) return false; s.value = o.value; s.dispatchEvent(new Event('change', { bubbles: true })); return true;`,
        [{ [ELEMENT]: group.id }, GROUP],
      );
      assert.ok(chosen, `${GROUP} is offered`);
      // The term starts today (the form's default) and the selection is an open election.
      assert.equal(await (await driver.find("#appoint-selection")).property("value"), "open_election");
      await (await driver.find("#appoint-save")).click();
      await driver.waitFor("the holder on the seat", async () => ((await (await seatRow(driver, SEAT))?.text()) ?? "").includes(PERSON));

      // A new holder has no declaration yet, which weakens cover: record a nil one.
      await (await (await seatRow(driver, SEAT)).find(".declaration")).click();
      await (await driver.waitForElement("#decl-nil")).click();
      await (await driver.find("#decl-save")).click();
      await driver.waitFor("the declaration flag to clear", async () => {
        const text = (await (await seatRow(driver, SEAT))?.text()) ?? "";
        return text.includes(PERSON) && !text.includes("No declaration");
      });
    });

    await t.test("back on the matrix the cell is covered, through the new holder", async () => {
      const back = await driver.find("#partnerships-back");
      assert.equal(await back.text(), "Back to gaps");
      await back.click();
      await driver.waitForElement("#gaps-matrix button.cell[data-status]");
      await driver.waitFor("the cell covered", async () => (await (await cell()).attribute("data-status")) === "covered");
      assert.match(await (await cell()).text(), /✓\s*covered/);
      await clickCell();
      const text = await driver.waitFor("the explanation", async () => {
        const t = await (await driver.find("#gap-explanation")).text();
        return t.includes(PERSON) ? t : null;
      });
      assert.match(text, new RegExp(`${CATEGORY} on ${PARTNERSHIP}: covered`));
      assert.match(text, new RegExp(`${SEAT}, held by ${PERSON} of ${GROUP}`));
      await driver.screenshot(path.join(artifacts, "gaps-covered.png"));
    });

    await t.test("the seat balance and directory coverage are shown in words", async () => {
      const balance = await (await driver.find("#balance-table")).text();
      assert.match(balance, new RegExp(PARTNERSHIP));
      assert.match(balance, /Warning:/, "the demo has a partnership the Compact's balance rules warn about");
      await driver.execute("document.getElementById('balance-title').scrollIntoView()");
      await driver.screenshot(path.join(artifacts, "gaps-balance.png"));
      const coverage = await (await driver.find("#coverage-summary")).text();
      assert.match(coverage, new RegExp(CATEGORY));
      await driver.execute("document.getElementById('coverage-title').scrollIntoView()");
      await driver.screenshot(path.join(artifacts, "gaps-coverage.png"));
    });
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "gaps-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
