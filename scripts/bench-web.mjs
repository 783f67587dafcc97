#!/usr/bin/env node
// Measures the built page (dist/, from scripts/build-web.sh):
//  - the brotli size (quality 11) of everything a visit downloads, per file and in total;
//  - the cold-visit time to the first run result in headless Chromium: a fresh
//    profile each time, from navigation start until window.relplay.run() has
//    returned for the first example (median of RELPLAY_BENCH_RUNS, default 5);
//  - the same for an embed (`?embed&example=one_to_many&run=1`): until its
//    run-on-load result is on the page.
// Usage: node scripts/bench-web.mjs [--json]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { startServer, launchBrowser, DIST } from "../tests/browser/lib/harness.mjs";

const RUNS = Number(process.env.RELPLAY_BENCH_RUNS || 5);
const BUDGET = 1024 * 1024; // 1 MiB brotli for the whole page

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
      const t0 = Date.now();
      await page.goto(server.url);
      await page.waitForFunction(() => typeof window.relplay?.run === "function", null, { timeout: 60_000 });
      const interactive = Date.now() - t0;
      const run = await page.evaluate(() => {
        const t = performance.now();
        const r = window.relplay.run();
        return { ms: performance.now() - t, exit: r.exit };
      });
      const firstResult = Date.now() - t0;
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType("navigation")[0];
        return { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
      });
      visits.push({ interactive, firstResult, runMs: run.ms, exit: run.exit, ...nav });
    } finally {
      await browser.close();
    }
  }
  for (let i = 0; i < RUNS; i++) {
    const browser = await launchBrowser({ viewport: { width: 760, height: 420 } });
    try {
      const page = await browser.context.newPage();
      const t0 = Date.now();
      await page.goto(server.url + "?embed&example=one_to_many&run=1");
      await page.waitForSelector('[data-testid="status"]', { timeout: 60_000 });
      embedVisits.push(Date.now() - t0);
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
  withinBudget: total.brotli <= BUDGET,
  coldVisits: visits,
  median: {
    interactiveMs: median(visits.map((v) => v.interactive)),
    firstRunResultMs: median(visits.map((v) => v.firstResult)),
    runMs: median(visits.map((v) => v.runMs)),
    embedFirstResultMs: median(embedVisits),
  },
  embedVisits,
};

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KiB";
  console.log("download (every file the page fetched):");
  for (const f of files) console.log(`  ${f.file.padEnd(44)} raw ${kb(f.raw)}   brotli ${kb(f.brotli)}`);
  console.log(`  ${"TOTAL".padEnd(44)} raw ${kb(total.raw)}   brotli ${kb(total.brotli)}   (budget ${kb(BUDGET).trim()}: ${result.withinBudget ? "ok" : "OVER"})`);
  console.log(`cold visit, ${RUNS} runs (fresh profile each, served from 127.0.0.1):`);
  console.log(`  time to interactive (window.relplay):  median ${result.median.interactiveMs} ms`);
  console.log(`  time to first run result:              median ${result.median.firstRunResultMs} ms`);
  console.log(`  the run itself:                        median ${result.median.runMs.toFixed(1)} ms`);
  console.log(`  embed (?embed&run=1) to its result:    median ${result.median.embedFirstResultMs} ms`);
}
if (!result.withinBudget) process.exitCode = 1;
