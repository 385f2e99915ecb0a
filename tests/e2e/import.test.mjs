// Issue: CSV import as users' files really are. The import wizard in the real window, on the real
// Trafford 360Giving grants file: the 360Giving mapping is suggested, the rows are checked and
// counted, the import adds the groups to the directory, and undo takes them out again. Then the
// groups export writes a file, and the annual review pack and Open Referral tables are written too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { go, Key, keys, press, realData } from "./actions.mjs";
import { artifacts, startApp } from "./harness.mjs";
import { violations } from "./axe.mjs";

const FILE = "360giving_trafford_council_vcs_grants.csv";
// A group in the grants file and not in the demo directory.
const GROUP = "Sale Wombles";

async function number(driver, css) {
  return Number((await (await driver.find(css)).text()).replace(/,/g, ""));
}

/** The directory's rows whose text includes `name`, after filtering the list by it. */
async function directoryRows(driver, name) {
  await go(driver, "directory");
  const filter = await driver.waitForElement("#filter");
  await filter.clear();
  await filter.type(name);
  await driver.waitForElement("#group-list");
  const rows = [];
  for (const row of await driver.findAll("#group-list tr[data-group-id]")) {
    if ((await row.text()).includes(name)) rows.push(row);
  }
  return rows;
}

test("import the Trafford grants file through the wizard, see the groups, undo, and export", async () => {
  const file = realData(FILE);
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    assert.equal((await directoryRows(driver, GROUP)).length, 0, "the group is not in the directory before the import");

    // Step 1: a missing file is refused beside the field.
    await go(driver, "import");
    const pathField = await driver.waitForElement("#import-path");
    await pathField.type(path.join(dir, "no-such-file.csv"));
    await press(driver, "#import-read");
    const err = await driver.waitForElement("#import-path-error");
    assert.match(await err.text(), /no such file/);
    assert.equal(await pathField.attribute("aria-invalid"), "true");

    await pathField.clear();
    await pathField.type(file);
    await press(driver, "#import-read");
    const encoding = await driver.waitForElement("#import-encoding");
    assert.match(await encoding.text(), /UTF-8/);
    assert.equal(await (await driver.find("#import-delimiter")).text(), "commas");
    assert.equal(await (await driver.find("#import-header-row")).text(), "Row 1");
    // The preview scrolls sideways, so its far columns are read from the page rather than the screen.
    const previewHeads = await driver.execute("return [...document.querySelectorAll('#import-preview thead th')].map(t => t.textContent);", []);
    assert.ok(previewHeads.includes("Recipient Org:Name"), previewHeads.join(", "));
    assert.ok((await driver.findAll("#import-preview tbody tr")).length > 0, "the first rows are shown");

    // Step 2: the 360Giving mapping is suggested and preselected.
    await press(driver, "#import-to-mapping");
    const from = await driver.waitForElement("#mapping-from");
    assert.match(await from.text(), /“360Giving grants” mapping/);
    const selected = await driver.execute(
      "return [...document.querySelectorAll('#mapping-table tbody tr')].map(r => [r.querySelector('th').textContent, r.querySelector('select').value]);",
      [],
    );
    assert.deepEqual(selected.find(([h]) => h === "Recipient Org:Name"), ["Recipient Org:Name", "name"]);
    assert.deepEqual(selected.find(([h]) => h === "Amount Awarded"), ["Amount Awarded", ""]);
    assert.equal(await driver.execute("return document.activeElement.id", []), "step-title", "the new step's heading takes focus");

    // Step 3: the counts, and the matches with their reasons.
    await press(driver, "#import-check");
    await driver.waitForElement("#check-counts");
    const read = await number(driver, "#count-read");
    const ok = await number(driver, "#count-ok");
    const matched = await number(driver, "#count-matched");
    const rejected = await number(driver, "#count-rejected");
    assert.ok(read > 0, "rows were read");
    assert.equal(ok + rejected, read, "every row read is either to import or rejected");
    assert.ok(matched > 0, "a grants file lists a group once per grant: later rows match earlier ones");
    assert.match(await (await driver.find("#matched-rows")).text(), /same .* as row \d+ of this file/);
    assert.match(await (await driver.find("#check-outcome")).text(), new RegExp(`add ${ok - matched} new groups`));
    await driver.screenshot(path.join(artifacts, "import-check.png"));

    // The keyboard gets past the matched rows: Tab from "For all matches" reaches the skip link
    // (not the first of hundreds of rows' own choices), and the link puts focus on the import button.
    const active = () => driver.execute("return document.activeElement.id || document.activeElement.name");
    await (await driver.find("input[name='on-match']:checked")).type("\uE004"); // Tab
    assert.equal(await active(), "skip-to-import", "Tab from For all matches reaches the skip link");
    assert.match(await (await driver.find("#skip-to-import")).text(), new RegExp(`^Skip the ${matched} matched rows, to the import button$`));
    await (await driver.find("#skip-to-import")).type("\uE007"); // Enter
    await driver.waitFor("the import button to take focus", async () => (await active()) === "import-run");
    assert.match(await (await driver.find("#import-run")).text(), /^Import [\d,]+ rows?$/);
    await driver.screenshot(path.join(artifacts, "import-skip-link.png"));
    // Each row's own choice is still reached from the link's place by Tab (after the table's region).
    await (await driver.find("#skip-to-import")).type("\uE004\uE004");
    assert.match(await active(), /^choice-\d+$/, "a row's own choice is still in the Tab order");

    // One row's own choice changes the outcome; a choice for all matches replaces it.
    const firstChoice = await driver.find("#matched-rows tbody select");
    await driver.execute(
      "arguments[0].scrollIntoView({ block: 'center' }); arguments[0].value = 'update'; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
      [firstChoice],
    );
    await driver.waitFor("the outcome to count the update", async () => /update up to 1 group (\(it is added by this import\) )?from 1 matched row and skip/.test(await (await driver.find("#check-outcome")).text()));
    await driver.screenshot(path.join(artifacts, "import-matches.png"));
    await press(driver, "input[name='on-match'][value='skip']");
    await driver.waitFor("the choice for all to replace it", async () => /update 0 groups/.test(await (await driver.find("#check-outcome")).text()));

    // Step 4: import, and the summary agrees with the check.
    await press(driver, "#import-run");
    await driver.waitForElement("#import-summary", 30000);
    assert.equal(await number(driver, "#sum-read"), read);
    assert.equal(await number(driver, "#sum-added"), ok - matched);
    assert.equal(await number(driver, "#sum-skipped"), matched);
    assert.equal(await number(driver, "#sum-rejected"), rejected);
    // Earlier imports gives the same figures, adding up to the rows read.
    const earlier = await driver.waitForElement('#earlier-imports tr[data-kind="groups"]');
    assert.match(await earlier.text(), new RegExp(`${read} rows read: ${ok - matched} groups added, 0 updated, 0 unchanged, ${matched} skipped, ${rejected} rejected`));

    assert.equal((await directoryRows(driver, GROUP)).length, 1, "the imported group is in the directory list, once");

    // The summary and its undo button are still there after looking at the directory.
    await go(driver, "import");
    await press(driver, "#import-undo");
    const undone = await driver.waitForElement("#undo-result");
    assert.match(await undone.text(), new RegExp(`${ok - matched} groups removed`));
    assert.equal(await driver.execute("return document.activeElement.id"), "undo-result", "the Undo button went: focus is on the result");
    assert.match(await (await driver.find("#import-status")).property("textContent"), /The import of [^ ]+\.csv was undone/, "the page's one live region says so");
    assert.equal((await directoryRows(driver, GROUP)).length, 0, "the undone import's group is gone");

    // The backup taken before the import names its file, and its time has seconds (two taken in
    // one minute, before two imports, looked alike).
    await go(driver, "backups");
    const backup = await driver.waitForElement('#backups tr[data-reason="before-import"]');
    const backupText = await backup.text();
    assert.match(backupText, new RegExp(`Before the import of ${FILE.replace(/\./g, "\\.")}`), backupText);
    assert.match(backupText, /\d{2}:\d{2}:\d{2}/, backupText);
    // The button's name says the same, for a screen reader going from button to button.
    const restoreName = await (await backup.find("button")).property("textContent");
    assert.match(restoreName, new RegExp(`^Restore… the backup of .*\\d{2}:\\d{2}:\\d{2}, before the import of ${FILE.replace(/\./g, "\\.")}$`), restoreName);
    await driver.screenshot(path.join(artifacts, "backups-before-import.png"));

    // The groups export writes a CSV with the export's own column names.
    await go(driver, "import");
    const out = path.join(dir, "groups.csv");
    await (await driver.waitForElement("#export-path")).type(out);
    await press(driver, "#export-groups");
    await driver.waitFor("the export", async () => /groups? written to/.test(await (await driver.find("#export-result")).text()));
    assert.match(readFileSync(out, "utf8"), /^\uFEFFid,name,other_names,"?charity_number"?,/);

    // A typed path to a file already there is asked about first: "Keep it" leaves the file and
    // puts focus back in the path; "Replace it" writes over it.
    writeFileSync(out, "the user's own file");
    await press(driver, "#export-groups");
    await driver.waitFor("the question takes focus", async () => (await driver.execute("return document.activeElement.id")) === "export-replace-question");
    assert.match(await (await driver.find("#export-replace-question")).text(), /groups\.csv is already there/);
    await driver.screenshot(path.join(artifacts, "export-replace-question.png"));
    await press(driver, "#export-replace-keep");
    assert.equal(await driver.execute("return document.activeElement.id"), "export-path");
    assert.equal(readFileSync(out, "utf8"), "the user's own file", "kept");
    await press(driver, "#export-groups");
    await press(driver, "#export-replace-replace");
    await driver.waitFor("the export over the old file", async () => /groups? written to/.test(await (await driver.find("#export-result")).text()));
    assert.match(readFileSync(out, "utf8"), /^\uFEFFid,name,/, "replaced");

    // The directory file itself is refused beside the path, and left as it was.
    const db = path.join(dir, "directory.sqlite3");
    const field = await driver.find("#export-path");
    await field.clear();
    await field.type(db);
    await press(driver, "#export-groups");
    await driver.waitFor("the refusal", async () => /would destroy the directory/.test(await (await driver.find("#export-path-error")).text()));
    assert.equal(await driver.execute("return document.activeElement.id"), "export-path");
    assert.equal(readFileSync(db).subarray(0, 16).toString("latin1"), "SQLite format 3\0", "the directory file is left whole");
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "import-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("more than 300 matched rows: the rest are shown a page at a time, each with its own choice", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const csv = path.join(dir, "listed-twice.csv");
  // 350 groups, each listed twice with its own postcode: the second listing of each matches the first.
  const rows = ["Organisation,Postcode"];
  for (let rep = 0; rep < 2; rep++) for (let i = 0; i < 350; i++) rows.push(`Test Group ${i},M${1 + (i % 35)} ${Math.floor(i / 35)}AB`);
  writeFileSync(csv, rows.join("\r\n") + "\r\n");
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await go(driver, "import");
    await readFile(driver, csv);
    await press(driver, "#import-to-mapping");
    await press(driver, "#import-check");
    await driver.waitForElement("#check-counts");
    assert.equal(await number(driver, "#count-matched"), 350);
    assert.equal((await driver.findAll("#matched-rows tbody tr")).length, 300, "the first 300 are listed");
    assert.match(await (await driver.find("#matched-shown")).text(), /^The first 300 of 350 matched rows are shown/);
    assert.equal(await (await driver.find("#show-more-matched")).text(), "Show 50 more matched rows");
    assert.equal((await driver.findAll("#choice-701")).length, 0, "the file's last row is not listed yet");
    await driver.execute("arguments[0].scrollIntoView({ block: 'center' });", [await driver.find("#show-more-matched")]);
    await driver.screenshot(path.join(artifacts, "import-more-matches.png"));

    await press(driver, "#show-more-matched");
    await driver.waitFor("the other 50 rows", async () => (await driver.findAll("#matched-rows tbody tr")).length === 350);
    // The first row just shown (the 301st match: row 652 of the file) takes focus.
    assert.equal(await driver.execute("return document.activeElement.id", []), "choice-652");
    assert.equal((await driver.findAll("#show-more-matched")).length, 0, "every match is listed: no button left");

    // The last row's own choice counts like any other's.
    await driver.execute(
      "arguments[0].value = 'new'; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
      [await driver.find("#choice-701")],
    );
    await driver.waitFor("the outcome to count it", async () => /add 351 new groups/.test(await (await driver.find("#check-outcome")).text()));
    // Each group listed twice: its second listing updates the group its first adds, so the
    // updating rows reach as many groups as there are rows, all of them new (rows that repeat
    // a group would count once).
    await press(driver, "input[name='on-match'][value='update']");
    await driver.waitFor("the outcome to count the groups", async () =>
      /add 350 new groups, update up to 350 groups \(all are added by this import\) from 350 matched rows and skip 0 rows\. A matched row that brings nothing new changes nothing and is counted as unchanged\./.test(
        await (await driver.find("#check-outcome")).text(),
      ),
    );
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "import-many-matches-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("rows with problems are listed by row, column and reason, and saved as a CSV", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const csv = path.join(dir, "small.csv");
  writeFileSync(csv, "Organisation,Postcode\r\nWest Street Allotments,M1 1AA\r\n,M1 1AA\r\nBad Postcode Group,XX9\r\n");
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await go(driver, "import");
    await (await driver.waitForElement("#import-path")).type(csv);
    await press(driver, "#import-read");
    await press(driver, "#import-to-mapping");
    assert.match(await (await driver.waitForElement("#mapping-from")).text(), /from the column names/);

    // Without a name column the rows are not checked, and the reason is given.
    const nameSelect = await driver.find("#map-0");
    assert.equal(await nameSelect.property("value"), "name", "“Organisation” suggests the name");
    await driver.execute("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", [nameSelect]);
    await press(driver, "#import-check");
    assert.match(
      await (await driver.waitForElement("#mapping-problems")).text(),
      /No column is chosen for the group's name: under “Fills the field”, choose “Name” for the column that holds each group's name \(this file's columns are “Organisation” and “Postcode”\)/,
    );
    assert.equal((await driver.findAll("#mapping-no-name")).length, 0, "“Organisation” looked like a name: no word that none does");
    await driver.execute("arguments[0].value = 'name'; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", [nameSelect]);
    await press(driver, "#import-check");

    await driver.waitForElement("#check-counts");
    assert.equal(await number(driver, "#count-rejected"), 2);
    const rejected = await (await driver.find("#rejected-rows")).text();
    assert.match(rejected, /3\s*Organisation\s*enter the group's name/);
    assert.match(rejected, /4\s*Postcode\s*XX9 is not a UK postcode/);

    const out = path.join(dir, "rejected.csv");
    await (await driver.find("#rejected-path")).type(out);
    await press(driver, "#rejected-save");
    await driver.waitFor("the rejected rows to be saved", async () => existsSync(out));
    const saved = readFileSync(out, "utf8");
    assert.match(saved, /^\uFEFFrow,problems,Organisation,Postcode\r\n/);
    assert.match(saved, /Bad Postcode Group/);
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "import-rejected-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Reads the file at `file` in step 1 of the wizard (typed into the path field). */
/** A new directory file in a folder of its own, and `run(...args)` to use the command line on
 * it (the file is prepared there, then opened in the window). */
async function cliDirectory() {
  const { execFileSync } = await import("node:child_process");
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const cli = process.env.CLI_BIN ?? path.join(root, "target", "debug", "compactdir");
  assert.ok(existsSync(cli), `the command line is built (cargo build -p compactdir-cli): ${cli}`);
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const db = path.join(dir, "directory.sqlite3");
  const run = (...args) => execFileSync(cli, ["--db", db, ...args], { encoding: "utf8", env: { ...process.env, COMPACTDIR_DB: db } });
  return { dir, db, run };
}

async function readFile(driver, file) {
  const field = await driver.waitForElement("#import-path");
  await field.clear();
  await field.type(file);
  await press(driver, "#import-read");
}

test("an empty file, a file of column names alone, a picture and a CSV of wards are each told apart by what is wrong with them", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const empty = path.join(dir, "empty.csv");
  writeFileSync(empty, "\uFEFF\r\n\r\n");
  // A template: column names and no rows.
  const template = path.join(dir, "template.csv");
  writeFileSync(template, "Charity name,Postcode\r\n");
  // The app's own icon, a real PNG, saved as .csv.
  const png = path.join(dir, "logo.csv");
  writeFileSync(png, readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src-tauri", "icons", "icon.png")));
  const wards = realData("ons_ward_to_lad_may2022_greater_manchester.csv");
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await go(driver, "import");

    // Refused beside the path, naming the file and what is wrong; the field takes focus.
    await readFile(driver, empty);
    let err = await driver.waitForElement("#import-path-error");
    assert.match(await err.text(), /empty\.csv is empty: it has no column names and no rows\./);
    assert.equal(await (await driver.find("#import-path")).attribute("aria-invalid"), "true");
    assert.equal(await driver.execute("return document.activeElement.id", []), "import-path");
    assert.equal((await driver.findAll("#import-to-mapping")).length, 0, "no way on to the columns");

    await readFile(driver, template);
    await driver.waitFor("the template's message", async () => /template\.csv/.test(await (await driver.find("#import-path-error")).text()));
    assert.equal(
      await (await driver.find("#import-path-error")).text(),
      "template.csv has column names (Charity name, Postcode) but no rows under them: there is nothing in it to import.",
    );

    await readFile(driver, png);
    await driver.waitFor("the picture's message", async () => /logo\.csv/.test(await (await driver.find("#import-path-error")).text()));
    err = await driver.find("#import-path-error");
    assert.match(await err.text(), /logo\.csv is not a text file \(it looks like a PNG picture\): choose the spreadsheet saved as CSV instead\./);
    await driver.screenshot(path.join(artifacts, "import-not-text.png"));

    // A good CSV of something else: read, and the columns step says no column looks like a name,
    // with the columns; a column can still be chosen, and the rows are then checked.
    await readFile(driver, wards);
    await press(driver, "#import-to-mapping");
    const noName = await driver.waitForElement("#mapping-no-name");
    assert.equal(
      await noName.text(),
      "No column of ons_ward_to_lad_may2022_greater_manchester.csv looks like a group's name. Its 4 columns are “wd22cd”, “wd22nm”, “lad22cd” and “lad22nm”. " +
        "If one of them holds the groups' names, choose “Name” for it under “Fills the field” below; if none does, this is not a file of groups: go back and choose another file.",
    );
    await driver.execute("arguments[0].scrollIntoView({ block: 'center' });", [noName]);
    await driver.screenshot(path.join(artifacts, "import-no-name-panel.png"));
    await press(driver, "#import-check");
    const problems = await driver.waitForElement("#mapping-problems");
    assert.match(await problems.text(), /No column is chosen for the group's name: .* \(this file's columns are “wd22cd”, “wd22nm”, “lad22cd” and “lad22nm”\)/);
    assert.equal(await driver.execute("return document.activeElement.id", []), "mapping-problems", "the problem takes focus");
    await driver.screenshot(path.join(artifacts, "import-no-name-column.png"));

    const nameSelect = await driver.find("#map-1");
    await driver.execute("arguments[0].value = 'name'; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", [nameSelect]);
    await driver.waitFor("the words to go once a column is chosen", async () => (await driver.findAll("#mapping-no-name")).length === 0);
    await press(driver, "#import-check");
    await driver.waitForElement("#check-counts");
    assert.equal(await number(driver, "#count-read"), 215, "the 215 wards read as rows, nothing saved yet");
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "import-files-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("after the import, the rejected rows saved include the rows refused while saving, with their reasons", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const csv = path.join(dir, "tenants.csv");
  writeFileSync(
    csv,
    "Organisation,Charity number,Postcode\r\n" +
      "Weaste Tenants,1187654,M5 3PF\r\n" +
      "Weaste Tenants Association,1187654,M5 4WT\r\n" +
      "Bad Postcode Group,,XX9\r\n",
  );
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await go(driver, "import");
    await readFile(driver, csv);
    await press(driver, "#import-to-mapping");
    await press(driver, "#import-check");
    await driver.waitForElement("#check-counts");
    assert.equal(await number(driver, "#count-rejected"), 1);
    assert.equal(await number(driver, "#count-matched"), 1, "row 3 has row 2's charity number");

    // Row 3 chosen as a new group: refused while saving, as its number is row 2's.
    await press(driver, "input[name='on-match'][value='new']");
    await press(driver, "#import-run");
    await driver.waitForElement("#import-summary", 30000);
    assert.equal(await number(driver, "#sum-added"), 1);
    assert.equal(await number(driver, "#sum-rejected"), 2);
    assert.match(await (await driver.find("#import-refused")).text(), /^1 row could not be added as a new group: its registration number is already a group's or an earlier row's\./);

    // Saved from the summary, by the keyboard: Enter in the path field.
    const out = path.join(dir, "tenants-rejected.csv");
    const field = await driver.find("#summary-rejected-path");
    await driver.execute("arguments[0].scrollIntoView({ block: 'center' });", [field]);
    await field.type(`${out}\uE007`);
    await driver.waitFor("the rejected rows to be saved", async () => existsSync(out) && /saved to/.test(await (await driver.find("#summary-rejected-saved")).text()));
    assert.equal(await (await driver.find("#summary-rejected-saved")).text(), `2 rejected rows saved to ${out}.`);
    assert.equal(await (await driver.find("#summary-rejected-saved")).attribute("role"), "status", "said in a live region");
    const lines = readFileSync(out, "utf8").replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    assert.equal(lines[0], "row,problems,Organisation,Charity number,Postcode");
    assert.match(lines[1], /^3,"row 3, column Charity number: charity number \(England and Wales\) 1187654 is already on row 2 of this file, .*",Weaste Tenants Association,1187654,M5 4WT$/);
    assert.match(lines[2], /^4,"row 4, column Postcode: XX9 is not a UK postcode",Bad Postcode Group,,XX9$/);
    assert.equal(lines.length, 3);
    await driver.screenshot(path.join(artifacts, "import-summary-rejected.png"));
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "import-refused-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the annual review pack and the Open Referral tables are written from the window", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  /** A CSV's lines without the BOM and the last empty line; cells are not split (none has a comma
   * in the columns read here). */
  const lines = (file) => readFileSync(file, "utf8").replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
  try {
    await go(driver, "import");
    const year = new Date().getFullYear();
    const pack = path.join(dir, "review");

    // A year not begun is refused beside the year, which takes focus, and nothing is written.
    const yearField = await driver.waitForElement("#review-year");
    await yearField.clear();
    await yearField.type(String(year + 1));
    await (await driver.find("#review-folder")).type(pack);
    await press(driver, "#review-export");
    const refusal = await driver.waitForElement("#review-year-error");
    assert.match(await refusal.text(), new RegExp(`${year + 1} has not begun`));
    assert.equal(await driver.execute("return document.activeElement.id"), "review-year");
    assert.ok(!existsSync(pack), "a refused pack writes nothing");

    // This year's pack: the five files, the counts the page gives, the BOM and CRLF of every CSV.
    await yearField.clear();
    await yearField.type(String(year));
    await press(driver, "#review-export");
    const said = await driver.waitFor("the pack written", async () => {
      const t = await (await driver.find("#review-result")).text();
      return t.includes("written to") && t;
    });
    const count = (what) => Number(said.match(new RegExp(`(\\d+) ${what}`))[1]);
    assert.match(said, new RegExp(`The ${year} review pack .* written to ${pack}: .* It holds personal data\\.`));
    for (const f of ["partnerships.csv", "seats.csv", "gaps.csv", "groups.csv", "README.txt"]) assert.ok(existsSync(path.join(pack, f)), f);
    assert.ok(readFileSync(path.join(pack, "seats.csv"), "utf8").startsWith("\uFEFFpartnership,seat,sector,constituency,holder,"));
    assert.match(lines(path.join(pack, "partnerships.csv"))[0], /^partnership,kind,convenor,seats_total,seats_filled,seats_vacant,/);
    assert.equal(lines(path.join(pack, "partnerships.csv")).length - 1, count("partnerships?"));
    assert.equal(count("groups"), 120, "the demo's groups, all of them");

    // Open Referral UK: organizations.csv with the schema's columns, a row for each group.
    const or = path.join(dir, "open-referral");
    await (await driver.find("#hsds-folder")).type(or);
    await press(driver, "#hsds-export");
    const orSaid = await driver.waitFor("the tables written", async () => {
      const t = await (await driver.find("#hsds-result")).text();
      return t.includes("written to") && t;
    });
    // The demo's 2 closed and 4 dormant groups are left out: a service finder would send people to them.
    assert.match(orSaid, new RegExp(`^114 organizations and \\d+ identifiers written to ${or} \\(organizations.csv, organization_identifiers.csv\\)\\. 6 closed or dormant groups left out\\.$`));
    const orgs = lines(path.join(or, "organizations.csv"));
    assert.equal(orgs[0], "id,name,description,email,website,logo,uri,parent_organization_id");
    assert.equal(orgs.length - 1, 114);
    await driver.screenshot(path.join(artifacts, "exports.png"));
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "exports-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

// An import one of whose groups was merged away since: Undo… is refused, naming the merge to
// undo first; the question closes and focus goes to the refusal (announced: role=alert). The
// file is prepared with the command line (the charity register, then the grants file, and the
// scout council entered by both merged), then opened in the window.
test("undoing an import whose group was merged names the merge, and the question closes", async () => {
  const { dir, db, run } = await cliDirectory();
  run("import", "groups", realData("ccew_charities_operating_in_trafford_2021-05-27.csv"));
  run("import", "groups", realData(FILE));
  const groups = run("groups", "list");
  const idOf = (name) => groups.split("\n").find((l) => l.split(",")[1] === name)?.split(",")[0];
  const [kept, merged] = [idOf("SALE DISTRICT SCOUT COUNCIL"), idOf("Sale and District Scout Council")];
  assert.ok(kept && merged, groups.slice(0, 400));
  run("merge", kept, merged, "--take", "name");

  const app = await startApp({ dbPath: db });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await go(driver, "import");
    const row = await driver.waitForElement('#earlier-imports tr[data-kind="groups"]');
    const id = await row.attribute("data-import-id");
    await press(driver, `#earlier-undo-groups-${id}`);
    await driver.waitForElement("#earlier-undo-question");
    await press(driver, "#earlier-undo-confirm");
    const error = await driver.waitForElement("#earlier-error", 30000);
    const said = await error.text();
    assert.match(said, new RegExp(`Sale and District Scout Council \\(group ${merged}\\) was merged into Sale and District Scout Council \\(group ${kept}\\) by merge 1`));
    assert.match(said, /Undo merge 1 first\./);
    assert.doesNotMatch(said, /removed/);
    assert.equal(await error.attribute("role"), "alert");
    await driver.waitFor("the question closed", async () => (await driver.findAll("#earlier-undo-question")).length === 0);
    await driver.waitFor("focus on the refusal", async () => (await driver.execute("return document.activeElement.id")) === "earlier-error");
    await driver.execute("document.getElementById('earlier-title').scrollIntoView()");
    await driver.screenshot(path.join(artifacts, "earlier-imports-refused-merge.png"));
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "earlier-imports-refused-failed.png")).catch((s) => console.error("screenshot:", s.message));
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the directory's own export, edited and imported back: step 3 says what each row will change, clearing too, and updating applies it", async () => {
  const { dir, db, run } = await cliDirectory();
  const start = path.join(dir, "start.csv");
  writeFileSync(start, "Organisation,Email,Phone\r\nST JOHN'S CENTRE,office@stjohns.org.uk,0161 496 0001\r\nKersal Tenants,kersal@example.org,\r\nORDSALL YOUTH,youth@example.org,\r\n");
  run("import", "groups", start);
  const rt0 = path.join(dir, "rt0.csv");
  run("export", "groups", "--out", rt0);
  const rt1 = path.join(dir, "rt1.csv");
  const exported = readFileSync(rt0, "utf8");
  assert.ok(exported.includes("\n3,ORDSALL YOUTH,"), exported);
  // Ordsall Youth's id changed: matched by its name, updated cautiously, and it says why.
  writeFileSync(rt1, exported.replace("ST JOHN'S CENTRE", "St John's Centre").replace("office@stjohns.org.uk", "").replace("\n3,ORDSALL YOUTH,", "\n99999,ORDSALL YOUTH,"));

  const app = await startApp({ dbPath: db });
  const { driver } = app;
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");
    await go(driver, "import");
    await readFile(driver, rt1);
    await press(driver, "#import-to-mapping");
    await press(driver, "#import-check");
    await driver.waitForElement("#check-counts");
    assert.match(await (await driver.find("#round-trip-note")).text(), /own groups export\. 2 rows have the id of the group they match.*An empty cell clears that field, a changed name renames the group/s);
    // The export lists groups by name: rows are found by the name in the file.
    const cellsOf = async (name) =>
      driver.execute(
        "return [...document.querySelectorAll('#matched-rows tbody tr')].map(r => [...r.children].map(c => c.textContent.trim())).find(cells => cells[1] === arguments[0]);",
        [name],
      );
    // Before the rows: how many change their group and how many fields they clear.
    assert.equal(await (await driver.find("#round-trip-counts strong")).text(), "If updated: 1 row changes its group; it clears 1 field.");
    // The name as the file has it (not title-cased), so the row can be found in the spreadsheet.
    const ordsall = await cellsOf("ORDSALL YOUTH");
    assert.ok(ordsall, "the name in the file is quoted as the file has it");
    assert.ok(ordsall.some((c) => c.includes("Treated cautiously: its id 99999 is not this group's (3): only cells it fills are applied.") && c.includes("an empty cell leaves the group's value")), ordsall.join(" | "));
    const stJohns = await cellsOf("St John's Centre");
    assert.ok(stJohns.some((c) => c.includes('name "ST JOHN\'S CENTRE" → "St John\'s Centre"') && c.includes('e-mail "office@stjohns.org.uk" will be cleared')), stJohns.join(" | "));
    assert.ok((await cellsOf("Kersal Tenants")).includes("Nothing changes"));
    // The column's header names it for a screen reader too.
    const heads = await driver.execute("return [...document.querySelectorAll('#matched-rows thead th')].map(t => t.textContent);", []);
    assert.ok(heads.includes("If updated"), heads.join(", "));
    // The table fits the window: every row's choice is inside the scrolling box, not cut off.
    const cut = await driver.execute(
      "const box = document.querySelector('#matched-rows').parentElement.getBoundingClientRect(); return [...document.querySelectorAll('#matched-rows tbody select')].filter(s => s.getBoundingClientRect().right > box.right).length + ':' + window.innerWidth;",
      [],
    );
    assert.match(String(cut), /^0:/, `choices cut off at the right (cut:width) ${cut}`);
    // Only the rows that change a group, by the keyboard: Kersal Tenants changes nothing.
    await driver.execute("document.getElementById('only-changing').focus()", []);
    await keys(driver, " ");
    await driver.waitFor("only the changing rows", async () => (await driver.findAll("#matched-rows tbody tr")).length === 2);
    assert.equal((await cellsOf("Kersal Tenants")) ?? null, null, "a row that changes nothing is hidden");
    await driver.execute("document.getElementById('matches-title').scrollIntoView()");
    await driver.screenshot(path.join(artifacts, "import-round-trip-only-changing.png"));
    await driver.execute("document.getElementById('only-changing').focus()", []);
    await keys(driver, " ");
    await driver.waitFor("every matched row again", async () => (await driver.findAll("#matched-rows tbody tr")).length === 3);
    await press(driver, "input[name='on-match'][value='update']");
    await driver.execute("document.getElementById('matches-title').scrollIntoView()");
    await driver.screenshot(path.join(artifacts, "import-round-trip-check.png"));

    await press(driver, "#import-run");
    await driver.waitForElement("#import-summary", 30000);
    assert.equal(await number(driver, "#sum-updated"), 1);
    assert.equal(await number(driver, "#sum-unchanged"), 2);
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "import-round-trip-failed.png")).catch((s) => console.error("screenshot:", s.message));
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  // Read once the window has let the directory file go.
  await app.stop();
  try {
    run("export", "groups", "--out", path.join(dir, "rt2.csv"));
    const now = readFileSync(path.join(dir, "rt2.csv"), "utf8");
    assert.ok(now.includes("St John's Centre") && !now.includes("ST JOHN'S") && !now.includes("office@stjohns.org.uk"), now);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The legends of the district groups in the ward checkboxes under `css`, and each group's wards. */
async function wardGroups(driver, css) {
  return driver.execute(
    `return [...document.querySelectorAll(arguments[0] + " fieldset.district")].map((f) => ({
       district: f.querySelector("legend").textContent.trim(),
       wards: [...f.querySelectorAll("label.choice")].map((l) => l.textContent.trim()),
     }));`,
    [css],
  );
}

test("the real Trafford wards load in the window, the group form lists wards by district, and Salford's unused wards are removed", async () => {
  const ons = realData("ons_ward_to_lad_may2022_greater_manchester.csv");
  const dir = mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
  const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
  const { driver } = app;
  const byName = (a, b) => a.localeCompare(b, "en-GB", { sensitivity: "base", numeric: true });
  try {
    await driver.waitForElement("#group-list tr[data-group-id]");

    // Load Trafford's wards from the real ONS lookup: its districts are offered, none chosen
    // for the user (Salford, loaded already, says so); loading before choosing is refused in words.
    await go(driver, "import");
    await (await driver.waitForElement("#wards-path")).type(ons);
    await press(driver, "#wards-read");
    await driver.waitForElement("#wards-district");
    const offered = await driver.execute("return [...document.querySelectorAll('#wards-district option')].map((o) => o.value)");
    assert.ok(offered.includes("Trafford") && offered.includes("Bolton"), `districts offered: ${offered}`);
    assert.equal(await driver.execute("return document.getElementById('wards-district').value"), "", "no district chosen for the user");
    const salfordOption = await driver.execute("return [...document.querySelectorAll('#wards-district option')].find((o) => o.value === 'Salford').textContent");
    assert.match(salfordOption, /^Salford \(\d+ wards\) \(loaded\)$/);
    assert.equal(await driver.execute("return document.activeElement.id"), "wards-district");
    await press(driver, "#wards-load");
    const choose = await driver.waitForElement("#wards-district-error");
    assert.equal(await choose.text(), "Choose the district whose wards to load from ons_ward_to_lad_may2022_greater_manchester.csv.");
    assert.equal(await driver.execute("return document.activeElement.id"), "wards-district");
    assert.equal(await driver.execute("return document.getElementById('wards-district').getAttribute('aria-describedby')"), "wards-district-error");
    await driver.execute("document.getElementById('wards-title').scrollIntoView({ block: 'start' })");
    await driver.screenshot(path.join(artifacts, "wards-choose-district.png"));
    assert.equal((await driver.findAll("#wards-notice")).length, 0, "nothing loaded");
    await driver.execute(
      "const s = document.getElementById('wards-district'); s.value = 'Trafford'; s.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    await driver.waitFor("the load button names Trafford", async () => /Trafford/.test(await (await driver.find("#wards-load")).text()));
    await press(driver, "#wards-load");
    const notice = await driver.waitForElement("#wards-notice");
    assert.equal(await notice.text(), "Loaded Trafford's wards from ons_ward_to_lad_may2022_greater_manchester.csv: 21 added, 0 renamed.");
    assert.equal(await driver.execute("return document.activeElement.id"), "wards-notice");
    const districtRows = () => driver.execute("return [...document.querySelectorAll('#ward-districts tbody tr')].map((r) => r.dataset.district + ': ' + r.cells[1].textContent)");
    await driver.waitFor("Trafford in the districts", async () => (await districtRows()).includes("Trafford: 21 wards, not used")).catch(async (e) => {
      throw new Error(`${e.message}: ${JSON.stringify(await districtRows())}`);
    });

    // The group form: the wards it serves, grouped by district under their names, alphabetical.
    await go(driver, "directory");
    await press(driver, "#add-group");
    await driver.waitForElement("#place-ward-districts fieldset.district");
    let groups = await wardGroups(driver, "#place-ward-districts");
    assert.deepEqual(groups.map((g) => g.district), ["Salford", "Trafford"]);
    assert.equal(groups[0].wards.length, 20);
    assert.equal(groups[1].wards.length, 21);
    for (const g of groups) assert.deepEqual(g.wards, [...g.wards].sort(byName), `${g.district}'s wards are alphabetical`);
    assert.ok(groups[1].wards.includes("Altrincham"));
    // The group's own ward is chosen from the same groups.
    const optgroups = await driver.execute("return [...document.querySelectorAll('#group-ward optgroup')].map((o) => o.label)");
    assert.deepEqual(optgroups, ["Salford", "Trafford"]);
    // Scrolled so both districts' names show: the end of Salford's wards and the start of Trafford's.
    await driver.execute("document.querySelector('#group-place-ward-ids').scrollIntoView({ block: 'start' })");
    await driver.execute(
      "const box = document.getElementById('place-ward-districts'); const t = box.querySelectorAll('fieldset.district')[1]; box.scrollTop = t.offsetTop - box.offsetTop - 120;",
    );
    await driver.screenshot(path.join(artifacts, "group-form-wards-by-district.png"));
    assert.deepEqual(await violations(driver), [], "WCAG 2.2 AA (axe) on the group form's wards by district");
    await press(driver, "#group-cancel");

    // Salford's wards are used by the demo's groups and seats: refused at once, with no question
    // first, in a sentence naming them and saying how to find the rest.
    await go(driver, "import");
    await press(driver, '#ward-districts tr[data-district="Salford"] button');
    const refusal = await driver.waitForElement("#wards-error");
    assert.match(
      await refusal.text(),
      /^Salford's wards cannot be removed: 20 of them are chosen by 120 groups and \d+ seats \(.+ and \d+ more\)\. Choose other wards for those first .*filter the Directory by ward.*\.$/,
    );
    assert.equal(await driver.execute("return document.activeElement.id"), "wards-error");
    assert.equal((await driver.findAll("#wards-remove-question")).length, 0, "no question asked");
    await driver.execute("document.getElementById('wards-title').scrollIntoView({ block: 'start' })");
    await driver.screenshot(path.join(artifacts, "wards-remove-refused.png"));
    assert.deepEqual(await violations(driver), [], "WCAG 2.2 AA (axe) on the wards tool with its refusal");

    // Without the demo nothing uses them: removed, and said.
    await press(driver, "#demo-remove");
    await press(driver, "#demo-confirm-remove");
    await driver.waitFor("the demo banner gone", async () => (await driver.findAll("#demo-banner")).length === 0);
    await go(driver, "import");
    await press(driver, '#ward-districts tr[data-district="Salford"] button');
    await driver.waitFor("the question has focus", async () => (await driver.execute("return document.activeElement.id")) === "wards-remove-question");
    assert.match(await (await driver.find("#wards-remove-question")).text(), /^Remove Salford's wards \(20 wards\)\?/);
    // The keyboard answers it: Tab to "Remove them", Enter.
    await keys(driver, Key.TAB);
    assert.equal(await driver.execute("return document.activeElement.id"), "wards-remove-confirm");
    await keys(driver, Key.ENTER);
    const removed = await driver.waitForElement("#wards-notice");
    assert.equal(await removed.text(), "Removed Salford's wards (20 wards).");
    const rows = await driver.execute("return [...document.querySelectorAll('#ward-districts tbody tr')].map((r) => r.dataset.district)");
    assert.deepEqual(rows, ["Trafford"]);
    await press(driver, "#wards-record summary");
    assert.match(await (await driver.find("#wards-record")).text(), /Removed Salford's wards: 20 wards[\s\S]*Loaded Trafford's wards from ons_ward_to_lad_may2022_greater_manchester\.csv: 21 added, 0 renamed/);
    await driver.execute("document.getElementById('wards-title').scrollIntoView({ block: 'start' })");
    await driver.screenshot(path.join(artifacts, "wards-tool.png"));

    await go(driver, "directory");
    await press(driver, "#add-group");
    await driver.waitForElement("#place-ward-districts fieldset.district");
    groups = await wardGroups(driver, "#place-ward-districts");
    assert.deepEqual(groups.map((g) => [g.district, g.wards.length]), [["Trafford", 21]]);
  } catch (e) {
    await driver.screenshot(path.join(artifacts, "wards-failed.png")).catch(() => {});
    throw e;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
