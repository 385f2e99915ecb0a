// Starts the real app for a test: a virtual display (Xvfb), tauri-driver (which starts
// WebKitWebDriver and the app), and a WebDriver session. stop() ends every process it started,
// by pid, and runs also when a test fails or the runner exits.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { WebDriver } from "./webdriver.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const artifacts = path.join(here, "artifacts");
const root = path.resolve(here, "..", "..");
const appBin = process.env.APP_BIN || path.join(root, "target", "debug", "compact-directory");

const started = new Set();
process.on("exit", () => {
  for (const p of started) kill(p, "SIGKILL");
});

function kill(child, signal) {
  try {
    // Each child leads its own process group, so its children (WebKitWebDriver, the app) go too.
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    started.delete(child);
    return;
  }
  const gone = new Promise((r) => child.once("exit", r));
  kill(child, "SIGTERM");
  const timer = setTimeout(() => kill(child, "SIGKILL"), 3000);
  await gone;
  clearTimeout(timer);
  started.delete(child);
}

function launch(cmd, args, env) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  started.add(child);
  let log = "";
  const keep = (d) => {
    log = (log + d).slice(-4000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.log = () => log;
  return child;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function freeDisplay() {
  for (let n = 90 + Math.floor(Math.random() * 100); n < 400; n++) {
    if (!existsSync(`/tmp/.X${n}-lock`) && !existsSync(`/tmp/.X11-unix/X${n}`)) return n;
  }
  throw new Error("no free X display number");
}

async function waitUntil(what, check, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Starts the app on the directory file `dbPath`; returns { driver, stop }. */
export async function startApp({ dbPath }) {
  if (!existsSync(appBin)) throw new Error(`the app is not built: ${appBin}`);
  mkdirSync(artifacts, { recursive: true });
  const procs = [];
  const stop = async () => {
    for (const p of procs.reverse()) await stopProcess(p);
  };
  try {
    const display = freeDisplay();
    const xvfb = launch("Xvfb", [`:${display}`, "-screen", "0", "1280x800x24", "-nolisten", "tcp"], {});
    procs.push(xvfb);
    await waitUntil("Xvfb", async () => existsSync(`/tmp/.X11-unix/X${display}`), 10000);

    const port = await freePort();
    const nativePort = await freePort();
    // The app reads its directory file from COMPACTDIR_DB, which it inherits through the driver.
    const driverProc = launch("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
      DISPLAY: `:${display}`,
      COMPACTDIR_DB: dbPath,
      WEBKIT_DISABLE_COMPOSITING_MODE: "1",
    });
    procs.push(driverProc);
    const base = `http://127.0.0.1:${port}`;
    await waitUntil("tauri-driver", async () => (await fetch(`${base}/status`)).ok, 20000).catch((e) => {
      throw new Error(`${e.message}\n${driverProc.log()}`);
    });
    const driver = await WebDriver.newSession(base, {
      alwaysMatch: { "tauri:options": { application: appBin, args: ["--db", dbPath] } },
    });
    const fullStop = async () => {
      await driver.quit().catch(() => {});
      await stop();
    };
    return { driver, stop: fullStop, log: () => driverProc.log() };
  } catch (e) {
    await stop();
    throw e;
  }
}
