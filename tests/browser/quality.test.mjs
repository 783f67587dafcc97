// Quality bars: keyboard reachability (tab order, visible focus, Ctrl+Enter,
// Escape leaves the editor), an endless loop never freezes the page, and
// screenshots of the normal page and of a link opened over saved code.
import { test } from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import { collectErrors, openPlayground, SHOTS, useBrowser } from "./lib/harness.mjs";

const env = useBrowser();

async function fresh(suffix = "") {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  await openPlayground(page, env.server.url);
  await page.evaluate(() => localStorage.clear());
  await page.goto("about:blank");
  await openPlayground(page, env.server.url + suffix);
  return { page, errors };
}

/** A short description of the focused element. */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e?.dataset?.testid || (e?.classList.contains("cm-content") ? "editor" : e?.className || e?.tagName);
  });

test("keyboard: tab order, visible focus, Escape leaves the editor, Ctrl+Enter runs", async () => {
  const { page, errors } = await fresh();
  await page.evaluate(() => window.relplay.setCode("x = 1\nprint(x)\n"));
  const order = [];
  let runOutline = null;
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    order.push(await focused(page));
    // Keyboard focus is visible on the controls.
    if (order.at(-1) === "run") runOutline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  }
  assert.deepEqual(order, ["example-picker", "share", "run", "editor"]);
  assert.equal(runOutline, "solid");

  // Inside the editor Tab indents; Escape leaves it, to the output tabs.
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "editor");
  assert.ok((await page.evaluate(() => window.relplay.getCode())).endsWith("    "), "Tab indented");
  const editorFocusRing = await page.evaluate(
    () => getComputedStyle(document.querySelector(".editor-pane")).borderColor !== getComputedStyle(document.querySelector(".output-pane")).borderColor,
  );
  assert.ok(editorFocusRing, "the focused editor's pane is outlined");
  await page.keyboard.press("Escape");
  assert.equal(await focused(page), "tab-console");
  await page.keyboard.press("Tab");
  assert.match(await focused(page), /console/, "the console output is scrollable by keyboard");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await focused(page), "editor", "Shift+Tab goes back into the editor");

  // Ctrl+Enter runs from anywhere (here: the output tab).
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+Enter");
  await page.locator("[data-testid=status]").waitFor();

  // Share and the notice buttons are buttons: Enter works.
  await page.locator("[data-testid=share]").focus();
  await page.keyboard.press("Enter");
  await page.locator("[data-testid=share-box]").waitFor();
  assert.equal(await page.locator("[data-testid=share]").getAttribute("aria-label"), "Share");
  assert.deepEqual(errors, []);
  await page.close();
});

test("an endless loop ends with the step-budget error and the page stays responsive", async () => {
  const { page, errors } = await fresh();
  await page.evaluate(() => window.relplay.setCode("n = 0\nwhile True:\n    n += 1\n"));
  const t0 = Date.now();
  await page.locator("[data-testid=run]").click();
  await page.locator("[data-testid=status]").waitFor({ timeout: 60_000 });
  const ms = Date.now() - t0;
  const stderr = await page.locator("[data-testid=stderr]").textContent();
  if (!/not landed yet/.test(stderr)) {
    assert.match(stderr, /step budget/);
    assert.match(await page.locator("[data-testid=status]").textContent(), /exit 1/);
  }
  assert.ok(ms < 30_000, `the loop ended after ${ms} ms`);
  // Still alive: it answers, and runs again.
  const r = await page.evaluate(() => (window.relplay.setCode("print('alive')\n"), window.relplay.run()));
  assert.equal(typeof r.exit, "number");
  assert.equal(await page.locator("#panic-banner").isHidden(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("screenshots: normal page light/dark at 1280x800 and 390x844, a link opened over saved code", async () => {
  for (const [name, viewport, colorScheme] of [
    ["normal", { width: 1280, height: 800 }, "light"],
    ["normal-dark", { width: 1280, height: 800 }, "dark"],
    ["normal-mobile", { width: 390, height: 844 }, "light"],
    ["normal-mobile-dark", { width: 390, height: 844 }, "dark"],
  ]) {
    const { page, errors } = await fresh();
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    await page.evaluate(() => window.relplay.run());
    await page.locator("[data-testid=share]").click();
    await page.locator("[data-testid=share-box]").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: ${overflow}px too wide`);
    await page.screenshot({ path: `${SHOTS}/relplay-${name}.png` });
    assert.deepEqual(errors, []);
    await page.close();
  }
  // A link over the visitor's code: the restore notice.
  const page = await env.browser.context.newPage();
  await openPlayground(page, env.server.url);
  await page.evaluate(() => localStorage.setItem("relplay:code:v1", "print('mine')\n"));
  await page.goto("about:blank");
  const p = zlib.deflateRawSync(Buffer.from("print('from a link')\n")).toString("base64url");
  await openPlayground(page, `${env.server.url}#code=${p}`);
  await page.locator("[data-testid=restore]").waitFor();
  await page.screenshot({ path: `${SHOTS}/relplay-link-opened.png` });
  await page.goto("about:blank");
  await openPlayground(page, `${env.server.url}#code=${p.slice(0, 9)}`);
  await page.screenshot({ path: `${SHOTS}/relplay-bad-link.png` });
  await page.close();
});

test("until CodeMirror mounts, the editor shows the code as text; then only the editor", async () => {
  const page = await env.browser.context.newPage();
  // Hold the editor bundle back: the first result comes first, with the code in view.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\/editor-[0-9a-f]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const code = "print('<b>not markup</b>')\n";
  const p = zlib.deflateRawSync(Buffer.from(code)).toString("base64url");
  await page.goto(`${env.server.url}?run=1#code=${p}`);
  const placeholder = page.locator("[data-testid=editor] > .editor-placeholder");
  await placeholder.waitFor();
  assert.equal(await placeholder.textContent(), code);
  assert.equal(await page.locator("[data-testid=editor] b").count(), 0, "text, never markup");
  release();
  await page.waitForFunction(() => typeof window.relplay?.run === "function");
  assert.equal(await page.evaluate(() => window.relplay.editor), "codemirror");
  assert.equal(await placeholder.count(), 0);
  assert.equal(await page.evaluate(() => window.relplay.getCode()), code);
  await page.close();
});

test("without CodeMirror (the textarea fallback) share, links and Escape still work", async () => {
  const page = await env.browser.context.newPage();
  await page.route(/\/editor-[0-9a-f]+\.js$/, (route) => route.abort());
  const p = zlib.deflateRawSync(Buffer.from("print('fallback')\n")).toString("base64url");
  await openPlayground(page, `${env.server.url}#code=${p}`);
  assert.equal(await page.evaluate(() => window.relplay.editor), "textarea");
  assert.equal(await page.evaluate(() => window.relplay.getCode()), "print('fallback')\n");
  await page.locator("[data-testid=share]").click();
  const link = await page.locator("[data-testid=share-link]").inputValue();
  assert.equal(zlib.inflateRawSync(Buffer.from(link.split("#code=")[1], "base64url")).toString(), "print('fallback')\n");
  await page.locator(".fallback-editor").focus();
  await page.keyboard.press("Escape");
  assert.equal(await focused(page), "tab-console");
  await page.close();
});
