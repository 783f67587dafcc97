// Shared by the browser tests and scripts/bench-web.mjs: a tiny static server
// for dist/ and a headless Debian Chromium driven by playwright-core (which
// never downloads a browser of its own).
import http from "node:http";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** Where the tests write screenshots (created on import): $RELPLAY_SHOTS or $TMPDIR/relplay-shots. */
export const SHOTS = process.env.RELPLAY_SHOTS ? path.resolve(process.env.RELPLAY_SHOTS) : path.join(os.tmpdir(), "relplay-shots");
fs.mkdirSync(SHOTS, { recursive: true });
export const DIST = process.env.RELPLAY_DIST ? path.resolve(process.env.RELPLAY_DIST) : path.join(REPO_ROOT, "dist");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

export function assertDistBuilt(dist = DIST) {
  if (!fs.existsSync(path.join(dist, "index.html"))) {
    throw new Error(`${dist}/index.html is missing: build the page first (scripts/build-web.sh)`);
  }
}

/** Serves `dist` on 127.0.0.1 (a free port). Resolves to { url, close() }. */
export async function startServer(dist = DIST) {
  assertDistBuilt(dist);
  const root = path.resolve(dist);
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith("/")) rel += "index.html";
      const file = path.resolve(root, "." + rel);
      if (!file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const body = await fsp.readFile(file);
      res.writeHead(200, {
        "content-type": MIME[path.extname(file)] ?? "application/octet-stream",
        "content-length": body.length,
        "cache-control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * A fresh headless Chromium with a throwaway profile. Resolves to
 * { context, close() }; `close` also deletes the profile.
 */
export async function launchBrowser({ viewport = { width: 1280, height: 800 }, colorScheme = "light" } = {}) {
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), "relplay-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    colorScheme,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      await fsp.rm(profile, { recursive: true, force: true });
    },
  };
}

/** Records console errors and uncaught page errors of `page`. */
export function collectErrors(page) {
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console.error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Navigates to `url` and waits until the page contract is published. */
export async function openPlayground(page, url, { timeout = 30_000 } = {}) {
  await page.goto(url);
  await page.waitForFunction(() => typeof window.relplay?.run === "function", null, { timeout });
}

/** One static server and one browser for a test file: started before its
 * tests, closed after them. `env.server` and `env.browser` are set by then. */
export function useBrowser(options) {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser(options);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
