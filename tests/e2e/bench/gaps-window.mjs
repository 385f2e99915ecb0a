// How the Gaps screen behaves on a large directory, in the real window (a benchmark, not a test):
//
//   GAPS_KEEP_DB=/tmp/gaps-1000.sqlite3 cargo bench -p compactdir-core --bench gaps
//   APP_BIN=$PWD/target/debug/compact-directory node tests/e2e/bench/gaps-window.mjs /tmp/gaps-1000.sqlite3
//
// It opens Gaps and times (from the click, as the user waits): the first rows of the matrix on
// screen, then a cell's explanation after choosing it, then the next 200 rows; while the matrix
// renders it samples how late the window's event loop answers (a long task freezes typing).
import { startApp } from "../harness.mjs";

const db = process.argv[2];
if (!db) throw new Error("give the path of a generated directory (see the comment at the top)");

const app = await startApp({ dbPath: db });
const { driver } = app;
const now = () => performance.now();
try {
  // The Directory screen opens first and lists every group: wait until it has, so the Gaps figures
  // are the Gaps screen's own.
  await driver.waitFor("the directory listed", async () => (await driver.findAll("#group-count")).length > 0, 180000);
  await new Promise((r) => setTimeout(r, 3000));
  // A probe in the page: how late a 10 ms timer fires while the screen works.
  await driver.execute(`
    window.__lags = [];
    let last = performance.now();
    window.__probe = setInterval(() => { const t = performance.now(); window.__lags.push(t - last - 10); last = t; }, 10);
  `);
  let t = now();
  await (await driver.find("#nav-gaps")).click();
  await driver.waitForElement("#gaps-matrix button.cell[data-status]", 120000);
  const firstRows = now() - t;
  // The page of 200 rows is drawn in small steps after the first; wait for all of it.
  const rowCount = async () => (await driver.findAll("#gaps-matrix tbody tr")).length;
  await driver.waitFor("the whole first page", async () => (await rowCount()) >= 200, 120000);
  const wholePage = now() - t;
  const rows = await rowCount();
  const lags = await driver.execute("clearInterval(window.__probe); return window.__lags;");
  const worst = Math.max(0, ...lags);

  t = now();
  await (await driver.find("#gaps-matrix button.cell[data-status]")).click();
  await driver.waitFor("the explanation", async () => (await driver.findAll("#gap-explanation-text")).length > 0, 60000);
  const explain = now() - t;

  let more = null;
  if ((await driver.findAll("#gaps-more")).length) {
    t = now();
    await (await driver.find("#gaps-more")).click();
    await driver.waitFor("more rows", async () => (await driver.findAll("#gaps-matrix tbody tr")).length > rows, 60000);
    more = now() - t;
  }
  console.log(`first rows of the matrix on screen: ${firstRows.toFixed(0)} ms from the click`);
  console.log(`the first page (${rows} rows) drawn: ${wholePage.toFixed(0)} ms from the click`);
  console.log(`longest the window's event loop was held while it rendered: ${worst.toFixed(0)} ms`);
  console.log(`a cell's explanation: ${explain.toFixed(0)} ms`);
  if (more !== null) console.log(`the next rows: ${more.toFixed(0)} ms`);
} finally {
  await app.stop();
}
