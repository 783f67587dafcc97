// The Diagram pane with a 14-table model (web/src/er/testdata/big.py): the
// layout adapts to the pane's shape, lines avoid boxes they do not connect,
// and the expand toggle shows the diagram over the whole viewport at a
// legible size. Screenshots at 1600×1000, 1280×800 and 400×800.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { collectErrors, openPlayground, SHOTS, REPO_ROOT, useBrowser } from "./lib/harness.mjs";

const BIG = fs.readFileSync(path.join(REPO_ROOT, "web/src/er/testdata/big.py"), "utf8");

const env = useBrowser();

async function openBig(page, viewport, theme = "light") {
  await page.setViewportSize(viewport);
  await openPlayground(page, env.server.url + `?theme=${theme}`);
  await page.evaluate((c) => window.relplay.setCode(c), BIG);
  await page.locator("[data-testid=tab-diagram]").click();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=er-diagram] [data-table]").length === 14, null, {
    timeout: 5000,
  });
  await page.waitForTimeout(300); // the fit runs on the next frame
  await page.locator("[data-testid=er-diagram]").scrollIntoViewIfNeeded();
}

/** The scale of the pan/zoom transform. */
const scale = (page) =>
  page.locator(".er-viewport").evaluate((g) => Number(/scale\(([\d.]+)\)/.exec(g.getAttribute("transform"))[1]));

/** The smallest on-screen font size (px) of the column names: what a reader sees. */
const textPx = (page) =>
  page
    .locator("[data-testid=er-diagram] .er-col-name")
    .evaluateAll((ts) => Math.min(...ts.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)));

/** Pairs of drawn boxes that overlap on screen. */
const overlapping = (page) =>
  page.locator("[data-testid=er-diagram] .er-box").evaluateAll((rs) => {
    const b = rs.map((r) => r.getBoundingClientRect());
    let n = 0;
    for (let i = 0; i < b.length; i++)
      for (let j = i + 1; j < b.length; j++)
        if (b[i].left < b[j].right && b[j].left < b[i].right && b[i].top < b[j].bottom && b[j].top < b[i].bottom) n++;
    return n;
  });

test("14 tables: fitted in the desktop pane, legible when expanded, Esc restores", async () => {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  await openBig(page, { width: 1600, height: 1000 });
  const host = page.locator("[data-testid=er-diagram]");
  const paneBox = await host.boundingBox();
  // The old fixed four-per-row layout fitted at ~0.25 here.
  const inPane = await scale(page);
  assert.ok(inPane >= 0.3, `pane scale ${inPane}`);
  assert.equal(await overlapping(page), 0);
  await page.screenshot({ path: path.join(SHOTS, "diagram-big-1600.png") });

  // Keyboard: the toggle is a button in the toolbar.
  const expand = page.locator("[data-testid=er-expand]");
  await expand.focus();
  await page.keyboard.press("Enter");
  await page.locator(".er-pane.expanded").waitFor();
  assert.equal(await expand.getAttribute("aria-pressed"), "true");
  await page.waitForFunction((s) => {
    const m = /scale\(([\d.]+)\)/.exec(document.querySelector(".er-viewport").getAttribute("transform"));
    return m && Number(m[1]) > s;
  }, inPane);
  const full = await host.boundingBox();
  assert.ok(full.width >= 1590 && full.height >= 900, JSON.stringify(full));
  // Re-fitted for the viewport: 12px text shows at 10px or more.
  const px = await textPx(page);
  assert.ok(px >= 10, `text ${px}px when expanded`);
  assert.equal(await overlapping(page), 0);
  await page.screenshot({ path: path.join(SHOTS, "diagram-big-1600-expanded.png") });

  // Hover still marks both ends in the expanded view.
  await page.locator('[data-relationship="Post.comments"]').hover();
  await page.locator(".er-rel.hover").waitFor();
  assert.ok((await page.locator("[data-testid=editor-mark]").count()) >= 1);

  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector(".er-pane.expanded"));
  assert.equal(await expand.getAttribute("aria-pressed"), "false");
  const back = await host.boundingBox();
  assert.ok(Math.abs(back.width - paneBox.width) < 2 && Math.abs(back.height - paneBox.height) < 2);
  await page.waitForFunction((s) => {
    const m = /scale\(([\d.]+)\)/.exec(document.querySelector(".er-viewport").getAttribute("transform"));
    return m && Math.abs(Number(m[1]) - s) < 0.01;
  }, inPane);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [name, viewport, theme] of [
  ["1280", { width: 1280, height: 800 }, "light"],
  ["narrow", { width: 400, height: 800 }, "dark"],
]) {
  test(`14 tables, ${name}: no overlaps, expanded legible; screenshots`, async () => {
    const page = await env.browser.context.newPage();
    const errors = collectErrors(page);
    await openBig(page, viewport, theme);
    assert.equal(await overlapping(page), 0);
    await page.screenshot({ path: path.join(SHOTS, `diagram-big-${name}.png`) });
    await page.locator("[data-testid=er-expand]").click();
    await page.locator(".er-pane.expanded").waitFor();
    await page.waitForTimeout(300);
    // Narrow screens cannot show 14 tables legibly at once: pan and zoom there.
    if (viewport.width >= 1000) assert.ok((await textPx(page)) >= 9, "legible when expanded");
    await page.screenshot({ path: path.join(SHOTS, `diagram-big-${name}-expanded.png`) });
    await page.locator("[data-testid=er-expand]").click();
    await page.waitForFunction(() => !document.querySelector(".er-pane.expanded"));
    assert.deepEqual(errors, []);
    await page.close();
  });
}
