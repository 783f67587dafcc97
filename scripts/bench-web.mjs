#!/usr/bin/env node
// Measures the built page (dist/, from scripts/build-web.sh):
//  - the brotli size (quality 11) of everything a visit downloads, per file and in total;
//  - the cold-visit time to the first result in headless Chromium (issue 7): a
//    fresh profile each time, from navigation start until the first gallery
//    example's output is in the page's stdout pane, in the animation frame
//    that paints it (the page runs an unchanged example on load; the output
//    shown is checked against a window.relplay.run() of the same code);
//  - separately, from navigation start until window.relplay.run(), called as
//    soon as the page contract is published, has returned (median of
//    RELPLAY_BENCH_RUNS, default 5);
//  - the same for an embed (`?embed&example=one_to_many&run=1`): until its
//    run-on-load result is on the page.
//  - where a cold visit's time goes: HTML, the wasm fetch, compiling and
//    instantiating it, main() (mounting the page and running the example),
//    the first run (it creates the interpreter, imports sqlalchemy and pays
//    V8's lazy compilation; as the page's status line reports it), the
//    editor and contract, then window.relplay.run() and a second run of the
//    same code (what a run costs once warm);
//  - the margin left under the budgets, since other work keeps adding code.
// Usage: node scripts/bench-web.mjs [--json]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { startServer, launchBrowser, DIST } from "../tests/browser/lib/harness.mjs";

const RUNS = Number(process.env.RELPLAY_BENCH_RUNS || 5);
// Issue 7: the whole page under 1 MB brotli. Judged on the stricter, decimal
// reading (1,000,000 B); the margin against 1 MiB is printed too.
const BUDGET = 1_000_000;
const MIB = 1024 * 1024;
// Where we aim to stay, so features still to come fit under BUDGET.
const TARGET = 880 * 1024;
const COLD_BUDGET_MS = 250; // cold visit to the first result (issue 7)

// Runs in the page before any of its scripts: timestamps (performance.now(),
// ms since navigation start) for the wasm's compile+instantiate and for the
// end of main(), which Trunk's loader signals with TrunkApplicationStarted.
const PROBE = () => {
  const marks = (window.__relplayBench = {});
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const orig = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      marks.instantiateStart ??= performance.now();
      return orig.apply(this, args).then((r) => {
        marks.instantiateEnd = performance.now();
        return r;
      });
    };
  }
  addEventListener("TrunkApplicationStarted", () => (marks.started = performance.now()));
  // The page publishes window.relplay once the editor is mounted and it works.
  let api;
  Object.defineProperty(window, "relplay", {
    configurable: true,
    get: () => api,
    set: (v) => {
      api = v;
      marks.contract ??= performance.now();
    },
  });
  // A run's status shows once its result is on the page; the stdout pane
  // holds its output. `resultFrame`: the animation frame that paints it.
  new MutationObserver((_, obs) => {
    if (marks.status === undefined && document.querySelector('[data-testid="status"]')) {
      marks.status = performance.now();
    }
    const out = document.querySelector('[data-testid="stdout"]');
    if (marks.result === undefined && out?.textContent) {
      marks.result = performance.now();
      marks.resultText = out.textContent;
      const status = document.querySelector('[data-testid="status"]')?.textContent ?? "";
      marks.firstRunMs = Number(status.match(/([0-9.]+) ms/)?.[1]);
      requestAnimationFrame(() => (marks.resultFrame = performance.now()));
    }
    if (marks.status !== undefined && marks.result !== undefined) obs.disconnect();
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

const brotli = (buf) =>
  zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;

const server = await startServer();
const visits = [];
const embedVisits = [];
const embedInPage = [];
let downloaded = new Set();
try {
  for (let i = 0; i < RUNS; i++) {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      page.on("request", (req) => {
        const u = new URL(req.url());
        if (u.origin + "/" === server.url) downloaded.add(u.pathname === "/" ? "/index.html" : u.pathname);
      });
      await page.addInitScript(PROBE);
      const t0 = Date.now();
      await page.goto(server.url);
      await page.waitForFunction(() => typeof window.relplay?.run === "function", null, { timeout: 60_000 });
      const interactive = Date.now() - t0;
      const shown = await page.evaluate(async () => {
        const m = window.__relplayBench;
        while (m.resultFrame === undefined) await new Promise((r) => setTimeout(r, 5));
        return { at: m.resultFrame, inDom: m.result, text: m.resultText, runMs: m.firstRunMs };
      });
      const run = await page.evaluate(() => {
        const t = performance.now();
        const r = window.relplay.run();
        const end = performance.now();
        // The same code again: what a run costs once everything is warm.
        window.relplay.run();
        return { ms: end - t, end, again: performance.now() - end, exit: r.exit, stdout: r.stdout };
      });
      // Honesty: what the page showed is what running the same code prints.
      if (shown.text !== run.stdout) throw new Error(`the page showed ${JSON.stringify(shown.text)}, a run printed ${JSON.stringify(run.stdout)}`);
      const firstResult = Date.now() - t0;
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType("navigation")[0];
        const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
        const m = window.__relplayBench;
        return {
          html: n.responseEnd,
          domContentLoaded: n.domContentLoadedEventEnd,
          load: n.loadEventEnd,
          wasmFetchStart: wasm?.startTime,
          wasmFetchEnd: wasm?.responseEnd,
          instantiateStart: m.instantiateStart,
          instantiateEnd: m.instantiateEnd,
          started: m.started,
          contract: m.contract,
        };
      });
      nav.runReturnedAt = run.end;
      nav.resultInDom = shown.inDom;
      nav.resultShown = shown.at;
      nav.firstRunMs = shown.runMs;
      visits.push({ interactive, firstResult, runMs: run.ms, againMs: run.again, exit: run.exit, ...nav });
    } finally {
      await browser.close();
    }
  }
  for (let i = 0; i < RUNS; i++) {
    const browser = await launchBrowser({ viewport: { width: 760, height: 420 } });
    try {
      const page = await browser.context.newPage();
      await page.addInitScript(PROBE);
      const t0 = Date.now();
      await page.goto(server.url + "?embed&example=one_to_many&run=1");
      await page.waitForSelector('[data-testid="status"]', { timeout: 60_000 });
      embedVisits.push(Date.now() - t0);
      embedInPage.push(await page.evaluate(() => window.__relplayBench.status));
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}

const files = [...downloaded].sort().map((p) => {
  const buf = fs.readFileSync(path.join(DIST, p));
  return { file: p.slice(1), raw: buf.length, brotli: brotli(buf) };
});
const total = files.reduce((a, f) => ({ raw: a.raw + f.raw, brotli: a.brotli + f.brotli }), { raw: 0, brotli: 0 });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = {
  files,
  total,
  budget: BUDGET,
  target: TARGET,
  withinBudget: total.brotli <= BUDGET,
  marginBytes: BUDGET - total.brotli,
  marginMiBBytes: MIB - total.brotli,
  coldVisits: visits,
  median: {
    interactiveMs: median(visits.map((v) => v.interactive)),
    firstRunResultMs: median(visits.map((v) => v.firstResult)),
    runMs: median(visits.map((v) => v.runMs)),
    secondRunMs: median(visits.map((v) => v.againMs)),
    // In-page timeline (ms since navigation start), medians of each mark.
    htmlMs: median(visits.map((v) => v.html)),
    wasmFetchStartMs: median(visits.map((v) => v.wasmFetchStart)),
    wasmFetchEndMs: median(visits.map((v) => v.wasmFetchEnd)),
    instantiateStartMs: median(visits.map((v) => v.instantiateStart)),
    instantiateEndMs: median(visits.map((v) => v.instantiateEnd)),
    mainDoneMs: median(visits.map((v) => v.started)),
    contractMs: median(visits.map((v) => v.contract)),
    embedInPageResultMs: median(embedInPage),
    firstResultInDomMs: median(visits.map((v) => v.resultInDom)),
    firstResultShownMs: median(visits.map((v) => v.resultShown)),
    runReturnedMs: median(visits.map((v) => v.runReturnedAt)),
    firstRunMs: median(visits.map((v) => v.firstRunMs)),
    embedFirstResultMs: median(embedVisits),
  },
  embedVisits,
  embedInPage,
};

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KiB";
  console.log("download (every file the page fetched):");
  for (const f of files) console.log(`  ${f.file.padEnd(44)} raw ${kb(f.raw)}   brotli ${kb(f.brotli)}`);
  const margin = (limit) =>
    `${Math.abs(limit - total.brotli).toLocaleString("en")} B (${kb(Math.abs(limit - total.brotli)).trim()}) ${total.brotli <= limit ? "under" : "OVER"}`;
  console.log(`  ${"TOTAL".padEnd(44)} raw ${kb(total.raw)}   brotli ${kb(total.brotli)} = ${total.brotli.toLocaleString("en")} B`);
  console.log(`  budget 1 MB (${BUDGET.toLocaleString("en")} B): ${margin(BUDGET)}`);
  console.log(`  1 MiB (${MIB.toLocaleString("en")} B): ${margin(MIB)};  target ${kb(TARGET).trim()}: ${margin(TARGET)}`);
  const m = result.median;
  const ms = (x) => (x === undefined ? "    ?" : x.toFixed(0).padStart(5)) + " ms";
  console.log(`cold visit, ${RUNS} runs (fresh profile each, served from 127.0.0.1), medians:`);
  const shownOk = m.firstResultShownMs <= COLD_BUDGET_MS ? "ok" : "OVER";
  console.log(`  first result on screen (example's stdout painted): ${ms(m.firstResultShownMs).trim()} after navigation start   (budget ${COLD_BUDGET_MS} ms: ${shownOk})`);
  console.log(`  window.relplay.run() returned:         ${ms(m.runReturnedMs).trim()} after navigation start`);
  console.log(`  driver's wall clock: window.relplay ${m.interactiveMs} ms, run() returned ${m.firstRunResultMs} ms`);
  console.log(`  embed (?embed&run=1) to its result:    ${m.embedFirstResultMs} ms   (in the page: ${ms(m.embedInPageResultMs).trim()} after navigation start)`);
  console.log("  in-page timeline (ms after navigation start; the driver's own overhead is the rest):");
  console.log(`    HTML received                 ${ms(m.htmlMs)}`);
  console.log(`    wasm fetch                    ${ms(m.wasmFetchStartMs)} → ${ms(m.wasmFetchEndMs)}`);
  console.log(`    wasm compile + instantiate    ${ms(m.instantiateStartMs)} → ${ms(m.instantiateEndMs)}`);
  console.log(`    main() (mount, first render)  → ${ms(m.mainDoneMs)}`);
  console.log(`    first result in the stdout pane → ${ms(m.firstResultInDomMs)}, painted in the frame at ${ms(m.firstResultShownMs).trim()}   (the run: ${m.firstRunMs?.toFixed(1)} ms)`);
  console.log(`    editor mounted, API published → ${ms(m.contractMs)}`);
  console.log(`    window.relplay.run() returned → ${ms(m.runReturnedMs)}   (that run: ${m.runMs.toFixed(1)} ms; again, warm: ${m.secondRunMs.toFixed(1)} ms)`);
}
if (!result.withinBudget) process.exitCode = 1;
