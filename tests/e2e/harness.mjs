// Starts the real app for a test: a virtual display (Xvfb), tauri-driver (which starts
// WebKitWebDriver, which starts the app), and a WebDriver session. stop() ends the session and
// every process it started, by pid and process group; the same happens if a test throws (call
// stop() in `finally`), and as a safety net when the test process exits or is interrupted.
//
//   const dir = tempDir();
//   const app = await startApp({ dbPath: path.join(dir, "directory.sqlite3") });
//   try { ...app.driver... } finally { await app.stop(); }
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { WebDriver } from "./webdriver.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
/** Screenshots go here (gitignored). */
export const artifacts = path.join(here, "artifacts");
const root = path.resolve(here, "..", "..");
export const appBin = path.resolve(process.env.APP_BIN || path.join(root, "target", "debug", "compact-directory"));

/** A fresh temporary directory for one test's directory file. */
export function tempDir() {
  return mkdtempSync(path.join(tmpdir(), "compactdir-e2e-"));
}

// Every child still running, so that nothing outlives the test process.
const started = new Set();
function killAll() {
  for (const child of started) signalGroup(child, "SIGKILL");
  started.clear();
}
process.on("exit", killAll);
for (const [sig, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]]) {
  process.once(sig, () => {
    killAll();
    process.exit(code);
  });
}

// Each child is spawned detached, so it leads its own process group and session; its own children
// (WebKitWebDriver, the app, WebKit's helper processes) stay in that group unless they leave it.
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      process.kill(child.pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Pids of live (not zombie) processes whose process group is `pgid`, from /proc. */
function groupMembers(pgid) {
  const pids = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // it ended meanwhile
    }
    // pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X") pids.push(Number(name));
  }
  return pids;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM to the child's group, SIGKILL after 3 s if anything in it is still alive. */
async function stopProcess(child) {
  if (!started.has(child)) return;
  if (!child.pid) {
    started.delete(child); // it never started (spawn error)
    return;
  }
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once("exit", r));
  signalGroup(child, "SIGTERM");
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && groupMembers(child.pid).length > 0) await sleep(50);
  if (groupMembers(child.pid).length > 0) {
    signalGroup(child, "SIGKILL");
    const hard = Date.now() + 2000;
    while (Date.now() < hard && groupMembers(child.pid).length > 0) await sleep(50);
  }
  await Promise.race([exited, sleep(2000)]);
  started.delete(child);
}

function launch(cmd, args, env, extraFds = 0) {
  const stdio = ["ignore", "pipe", "pipe", ...Array(extraFds).fill("pipe")];
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, detached: true, stdio });
  started.add(child);
  let log = "";
  const keep = (d) => {
    log = (log + d).slice(-8000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.on("error", (e) => keep(`\n${cmd}: ${e.message}\n`));
  child.log = () => log;
  return child;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts Xvfb on a display number it picks itself (-displayfd: no race with other Xvfbs) and
 * resolves with that number once the server accepts connections.
 */
function startXvfb() {
  const xvfb = launch("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp"], {}, 1);
  const ready = new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in 10 s\n${xvfb.log()}`)), 10000);
    xvfb.stdio[3].on("data", (d) => {
      out += d;
      const m = /^(\d+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    xvfb.once("exit", (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb ended (${sig || code}) before it was ready\n${xvfb.log()}`));
    });
    xvfb.once("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb could not start: ${e.message} (is the xvfb package installed? run bash .ci/setup)`));
    });
  });
  return { xvfb, ready };
}

async function waitUntil(what, check, ms, child) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) break;
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}${child ? `\n${child.log()}` : ""}`);
}

/**
 * Starts the app on the directory file `dbPath` under its own Xvfb and tauri-driver.
 * Returns { driver, stop, display, log }: stop() ends the session and every process started here.
 */
export async function startApp({ dbPath, env = {} }) {
  if (!existsSync(appBin)) throw new Error(`the app is not built: ${appBin} (run bash .ci/setup)`);
  if (!dbPath) throw new Error("startApp needs a dbPath: the tests never touch the real directory file");
  mkdirSync(artifacts, { recursive: true });
  const procs = [];
  let driver = null;
  let stopped = null;
  const stop = () => {
    stopped ??= (async () => {
      if (driver) await driver.quit().catch(() => {});
      for (const p of procs.reverse()) await stopProcess(p);
    })();
    return stopped;
  };
  try {
    const { xvfb, ready } = startXvfb();
    procs.push(xvfb);
    const display = await ready;

    const port = await freePort();
    let nativePort = await freePort();
    while (nativePort === port) nativePort = await freePort();
    const driverProc = launch("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
      DISPLAY: `:${display}`,
      // tauri-driver 2.1 hands tauri:options.args to the app (webkitgtk:browserOptions.args), so
      // `--db` below chooses the file. The variable is a second guard, inherited by the app
      // through WebKitWebDriver, so that a test can never open the user's real directory file.
      COMPACTDIR_DB: dbPath,
      WEBKIT_DISABLE_COMPOSITING_MODE: "1",
      // Extra variables for the app (COMPACTDIR_USER names who the audit trail says changed things).
      ...env,
    });
    procs.push(driverProc);
    const base = `http://127.0.0.1:${port}`;
    await waitUntil("tauri-driver to answer /status", async () => (await fetch(`${base}/status`)).ok, 20000, driverProc);

    driver = await WebDriver.newSession(base, {
      alwaysMatch: { "tauri:options": { application: appBin, args: ["--db", dbPath] } },
    }).catch((e) => {
      throw new Error(`${e.message}\n${driverProc.log()}`);
    });
    return { driver, stop, display, log: () => driverProc.log() };
  } catch (e) {
    await stop();
    throw e;
  }
}
