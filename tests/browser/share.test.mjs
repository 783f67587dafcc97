// Share links: the Share button, opening a link, the autosave kept, hostile links.
import { test } from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import { collectErrors, openPlayground, useBrowser } from "./lib/harness.mjs";

const env = useBrowser();

/** The `#code=` payload for `code`, made the way any other tool would (not by relplay). */
const payload = (bytes) => zlib.deflateRawSync(Buffer.from(bytes), { level: 9 }).toString("base64url");
const inflate = (p) => zlib.inflateRawSync(Buffer.from(p, "base64url")).toString("utf8");

/** A page whose autosave holds `saved` (or nothing), then navigated to `hashOrQuery`. */
async function openWith(saved, suffix) {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  await openPlayground(page, env.server.url);
  await page.evaluate((s) => {
    localStorage.clear();
    if (s !== null) localStorage.setItem("relplay:code:v1", s);
  }, saved);
  await page.goto("about:blank");
  await openPlayground(page, env.server.url + suffix);
  return { page, errors };
}

const code = (page) => page.evaluate(() => window.relplay.getCode());
const saved = (page) => page.evaluate(() => localStorage.getItem("relplay:code:v1"));
const previous = (page) => page.evaluate(() => localStorage.getItem("relplay:previous:v1"));

test("Share puts the code, compressed, in #code= and copies the link", async () => {
  const { page, errors } = await openWith(null, "");
  await env.browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url.slice(0, -1) });
  const text = 'print("shared é ∞")\n' + "# padding line to compress\n".repeat(50);
  await page.evaluate((t) => window.relplay.setCode(t), text);
  await page.locator('[data-testid="share"]').click();
  const box = page.locator('[data-testid="share-box"]');
  await box.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="share-box"]').dataset.copied !== undefined);
  assert.equal(await box.getAttribute("data-copied"), "true");
  assert.match(await box.textContent(), /copied/i);
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  assert.ok(link.startsWith(env.server.url + "#code="), link);
  const p = link.split("#code=")[1];
  assert.match(p, /^[A-Za-z0-9_-]+$/, "URL-safe base64, no padding");
  assert.equal(inflate(p), text, "any raw-DEFLATE tool reads it");
  assert.ok(p.length < text.length / 3, "compressed");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // Editing makes the shown link stale: it goes away.
  await page.evaluate(() => window.relplay.setCode("x = 2\n"));
  assert.equal(await box.count(), 0);
  await env.browser.context.clearPermissions();
  assert.deepEqual(errors, []);
  await page.close();
});

test("Share shows the link when the clipboard refuses", async () => {
  const { page, errors } = await openWith(null, "");
  await page.evaluate(() => {
    const clip = { writeText: () => Promise.reject(new Error("denied")) };
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => clip, configurable: true });
  });
  await page.locator('[data-testid="share"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="share-box"]')?.dataset.copied === "false");
  assert.match(await page.locator('[data-testid="share-box"]').textContent(), /Copy this link/);
  // The link is focused and selected: Ctrl+C copies it.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "share-link");
  assert.equal(
    await page.evaluate(() => document.activeElement.selectionEnd - document.activeElement.selectionStart),
    (await page.locator('[data-testid="share-link"]').inputValue()).length,
  );
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  assert.equal(inflate(link.split("#code=")[1]), await code(page));
  // No clipboard API at all (an insecure context): same.
  await page.evaluate(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true }));
  await page.locator('[data-testid="share-box"] .notice-close').click();
  await page.locator('[data-testid="share"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="share-box"]')?.dataset.copied === "false");
  assert.deepEqual(errors, []);
  await page.close();
});

test("code too large for a link: Share says so", async () => {
  const { page, errors } = await openWith(null, "");
  await page.evaluate(() => window.relplay.setCode("x = 1  # padding\n".repeat(20000)));
  await page.locator('[data-testid="share"]').click();
  const box = page.locator('[data-testid="share-box"]');
  assert.equal(await box.getAttribute("role"), "alert");
  assert.match(await box.textContent(), /too large to share as a link \(\d+ KB, at most 256 KB\)/);
  assert.equal(await page.locator('[data-testid="share-link"]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("opening a link shows its code and keeps the autosave recoverable", async () => {
  const mine = "# my own work\nprint('mine')\n";
  const theirs = "# from a link\nprint('theirs')\n";
  const { page, errors } = await openWith(mine, "#code=" + payload(theirs));
  assert.equal(await code(page), theirs);
  assert.equal(await previous(page), mine, "the visitor's code is kept");
  assert.equal(await saved(page), theirs, "so a reload shows the link's code");
  assert.equal(new URL(page.url()).hash, "", "the fragment is dropped once read");
  const notice = page.locator('[data-testid="notice"]');
  assert.match(await notice.textContent(), /Opened the code from the link/);
  assert.equal(await notice.getAttribute("role"), "status");

  await page.locator('[data-testid="restore"]').click();
  assert.equal(await code(page), mine);
  assert.equal(await saved(page), mine);
  assert.equal(await previous(page), theirs, "restoring swaps, nothing is lost");
  await page.locator('[data-testid="restore"]').click(); // "Swap back"
  assert.equal(await code(page), theirs);
  await page.locator('[data-testid="notice"] .notice-close').click();
  assert.equal(await notice.count(), 0);

  // Reload: the link's code (now autosaved), the previous code still stored.
  await page.reload();
  await page.waitForFunction(() => typeof window.relplay?.run === "function");
  assert.equal(await code(page), theirs);
  assert.equal(await previous(page), mine);
  assert.deepEqual(errors, []);
  await page.close();
});

test("two links in a row: the visitor's own code is still the one kept", async () => {
  const mine = "# mine, edited by hand\n";
  const { page, errors } = await openWith(mine, "#code=" + payload("print('link one')\n"));
  assert.equal(await previous(page), mine);
  // Without editing the first link's code, open a second link.
  await page.goto("about:blank");
  await openPlayground(page, env.server.url + "#code=" + payload("print('link two')\n"));
  assert.equal(await code(page), "print('link two')\n");
  assert.equal(await previous(page), mine, "the unedited code of link one does not push out mine");
  // But once the visitor edits a link's code, that edit is theirs and is kept.
  await page.evaluate(() => window.relplay.setCode("print('link two, edited')\n"));
  await page.goto("about:blank");
  await openPlayground(page, env.server.url + "#code=" + payload("print('link three')\n"));
  assert.equal(await previous(page), "print('link two, edited')\n");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a link opened over an unchanged example or the same code offers no restore", async () => {
  const theirs = "print('same')\n";
  const { page } = await openWith(theirs, "#code=" + payload(theirs));
  assert.equal(await code(page), theirs);
  assert.equal(await page.locator('[data-testid="restore"]').count(), 0);
  assert.equal(await previous(page), null);
  await page.close();
  // Python's zlib + urlsafe_b64encode (with padding) opens too.
  const { page: p2 } = await openWith(null, "#code=KyjKzCvRMNTkAgA=");
  assert.equal(await code(p2), "print(1)\n");
  await p2.close();
});

test("hostile links get a clear message and change nothing", async () => {
  const mine = "# precious\nprint('keep me')\n";
  const good = payload("print('a fairly long line so the payload has some length')\n".repeat(8));
  const cases = {
    truncated: good.slice(0, Math.floor(good.length / 2)),
    "cut by one char": good.slice(0, -1),
    garbage: "!!!%%%not-base64***",
    "garbage base64": "QUFBQUFBQUFBQUFB",
    bomb: payload(Buffer.alloc(32 << 20)), // 32 MB of zeros in ~32 KB
    "invalid UTF-8": payload([0x6f, 0x6b, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
    huge: "A".repeat(1536 << 10), // 1.5 MB (Chromium's URL limit is 2 MB)
  };
  for (const [name, p] of Object.entries(cases)) {
    const { page, errors } = await openWith(mine, "#code=" + p);
    assert.equal(await code(page), mine, `${name}: the editor keeps the autosave`);
    assert.equal(await saved(page), mine, `${name}: the autosave is untouched`);
    const notice = page.locator('[data-testid="notice"]');
    assert.equal(await notice.getAttribute("role"), "alert", name);
    assert.match(await notice.textContent(), /could not be opened: .+ Nothing was changed/, name);
    assert.equal(await page.locator("#panic-banner").isHidden(), true, `${name}: no panic`);
    // The page still works.
    const r = await page.evaluate(() => (window.relplay.setCode("print(1)\n"), window.relplay.run()));
    assert.equal(typeof r.exit, "number");
    assert.deepEqual(errors, [], name);
    await page.close();
  }
});

test("an unknown ?example= says so and keeps the autosave", async () => {
  const mine = "print('mine')\n";
  const { page, errors } = await openWith(mine, "?example=<b>nope</b>");
  assert.equal(await code(page), mine);
  const notice = page.locator('[data-testid="notice"]');
  assert.match(await notice.textContent(), /no example named “<b>nope<\/b>”/);
  assert.equal(await notice.locator("b").count(), 0, "text, not markup");
  await page.close();
  // A known one opens, and the visitor's code is kept as for a link.
  const { page: p2 } = await openWith(mine, "?example=many_to_one");
  assert.equal(await p2.locator('[data-testid="example-picker"]').inputValue(), "many_to_one");
  assert.equal(await previous(p2), mine);
  assert.equal(await p2.locator('[data-testid="restore"]').count(), 1);
  assert.equal(new URL(p2.url()).search, "", "example= is dropped, so a reload keeps edits");
  assert.deepEqual(errors, []);
  await p2.close();
});
