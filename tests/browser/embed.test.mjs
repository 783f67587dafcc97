// Embed mode (?embed) for documentation pages, and the theme parameter.
import { test } from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import { collectErrors, openPlayground, SHOTS, useBrowser } from "./lib/harness.mjs";

const env = useBrowser();

const payload = (text) => zlib.deflateRawSync(Buffer.from(text)).toString("base64url");
const inflate = (p) => zlib.inflateRawSync(Buffer.from(p, "base64url")).toString("utf8");

/** A page opened at `suffix`, with `saved` in the full page's autosave beforehand. */
async function open(suffix, { saved = "# the visitor's own code\n", colorScheme = "light" } = {}) {
  const page = await env.browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  const errors = collectErrors(page);
  await openPlayground(page, env.server.url);
  await page.evaluate((s) => (localStorage.clear(), localStorage.setItem("relplay:code:v1", s)), saved);
  await page.goto("about:blank");
  await openPlayground(page, env.server.url + suffix);
  return { page, errors };
}

const bg = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test("?embed: compact, no header chrome, an Open in relplay link, the autosave untouched", async () => {
  const saved = "# mine\n";
  const { page, errors } = await open("?embed&example=many_to_one", { saved });
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-embed")), true);
  assert.equal(await page.locator(".brand, .tagline, [data-testid=example-picker], [data-testid=share]").count(), 0);
  assert.equal(await page.locator("[data-testid=run]").count(), 1);
  assert.equal(await page.locator("[data-testid=stdout]").count(), 1);
  assert.match(await page.evaluate(() => window.relplay.getCode()), /many_to_one|ForeignKey/);
  assert.equal(await page.locator("[data-testid=status]").count(), 0, "no run without run=1");

  // Editing in an embed never writes the visitor's autosave.
  await page.evaluate(() => window.relplay.setCode("print('embedded edit')\n"));
  assert.equal(await page.evaluate(() => localStorage.getItem("relplay:code:v1")), saved);
  assert.equal(await page.evaluate(() => localStorage.getItem("relplay:previous:v1")), null);

  // "Open in relplay" carries the current code to the full page, in a new tab.
  const link = page.locator("[data-testid=open-in-relplay]");
  assert.equal(await link.getAttribute("target"), "_blank");
  await link.focus();
  const href = await link.getAttribute("href");
  assert.ok(href.startsWith(env.server.url + "#code="), href);
  assert.equal(inflate(href.split("#code=")[1]), "print('embedded edit')\n");
  assert.deepEqual(errors, []);
  await page.close();
});

test("?embed with #code=, panes=console, theme=dark and run=1", async () => {
  const code = "print('from the docs')\n";
  const { page, errors } = await open(`?embed&panes=console&theme=dark&run=1#code=${payload(code)}`);
  assert.equal(await page.evaluate(() => window.relplay.getCode()), code);
  await page.locator("[data-testid=status]").waitFor();
  assert.deepEqual(await page.locator('[role="tab"]').allTextContents(), ["Console"]);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.equal(await bg(page), "rgb(17, 20, 26)", "dark colours although the system is light");
  assert.ok(new URL(page.url()).hash.startsWith("#code="), "an embed keeps its fragment");
  assert.equal(await page.locator("[data-testid=notice]").count(), 0, "no notice in an embed");
  // Even with SQL events, panes=console shows no SQL tab.
  await page.evaluate(() =>
    window.relplayDev.show({ stdout: "", stderr: "", exit: 0, events: [{ stream: "sql", line: 1, text: "SELECT 1" }] }),
  );
  assert.deepEqual(await page.locator('[role="tab"]').allTextContents(), ["Console"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a bad link or unknown example in an embed says so", async () => {
  const { page, errors } = await open("?embed#code=garbage!!");
  assert.match(await page.locator("[data-testid=notice]").textContent(), /could not be opened/);
  await page.close();
  const { page: p2 } = await open("?embed&example=nope");
  assert.match(await p2.locator("[data-testid=notice]").textContent(), /no example named/);
  assert.deepEqual(errors, []);
  await p2.close();
});

test("theme: follows the system, and ?theme= overrides it either way", async () => {
  for (const [suffix, scheme, expected] of [
    ["", "light", "rgb(246, 247, 249)"],
    ["", "dark", "rgb(17, 20, 26)"],
    ["?theme=light", "dark", "rgb(246, 247, 249)"],
    ["?theme=dark", "light", "rgb(17, 20, 26)"],
    ["?theme=bogus", "dark", "rgb(17, 20, 26)"],
  ]) {
    const { page, errors } = await open(suffix, { colorScheme: scheme });
    assert.equal(await bg(page), expected, `${suffix || "(none)"} on a ${scheme} system`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test("the documented <iframe> snippet works from another origin", async () => {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  // about:blank is another origin than the server: as on a documentation site.
  await page.setContent(`<!doctype html><meta charset="utf-8"><h1>Docs</h1>
    <iframe src="${env.server.url}?embed&example=one_to_many&panes=console,sql&run=1"
      title="relplay: one-to-many relationship" width="100%" height="420" loading="lazy"
      style="border: 1px solid #dde1e8; border-radius: 8px"></iframe>`);
  const frame = page.frameLocator("iframe");
  await frame.locator("[data-testid=status]").waitFor({ timeout: 30_000 });
  assert.equal(await frame.locator(".brand").count(), 0);
  assert.equal(await frame.locator("[data-testid=open-in-relplay]").getAttribute("target"), "_blank");
  // The embed fills the iframe without a page scrollbar.
  const box = await frame.locator("main.workspace").boundingBox();
  const ifr = await page.locator("iframe").boundingBox();
  assert.ok(box.y + box.height <= ifr.y + ifr.height + 1, "the workspace fits in the iframe");
  await frame.locator("[data-testid=run]").click();
  await page.screenshot({ path: `${SHOTS}/relplay-embed-iframe.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test("screenshots: embed mode, light and dark, in an iframe-sized viewport", async () => {
  for (const [name, theme, viewport] of [
    ["embed", "light", { width: 760, height: 420 }],
    ["embed-dark", "dark", { width: 760, height: 420 }],
    ["embed-narrow", "light", { width: 390, height: 600 }],
  ]) {
    const { page, errors } = await open(`?embed&example=one_to_many&theme=${theme}&run=1`);
    await page.setViewportSize(viewport);
    await page.locator("[data-testid=status]").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: ${overflow}px too wide`);
    await page.screenshot({ path: `${SHOTS}/relplay-${name}.png` });
    assert.deepEqual(errors, []);
    await page.close();
  }
});
