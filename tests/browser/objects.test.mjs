// The Objects pane (web/src/objects/): a traced run, stepped line by line.
// `child.parent = parent` adds the child to `parent.children` with
// back_populates (and says why), and does not when the relationship is one-sided.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { collectErrors, openPlayground, SHOTS, useBrowser } from "./lib/harness.mjs";

const env = useBrowser();

/** Runs example `id`, opens Objects and steps (arrow keys) to the first step on the line holding `needle`. */
async function stepTo(page, id, needle) {
  assert.ok(await page.evaluate((id) => window.relplay.loadExample(id), id));
  const code = await page.evaluate(() => window.relplay.getCode());
  const line = code.split("\n").findIndex((l) => l.trim() === needle) + 1;
  assert.ok(line > 0, `${needle} in ${id}`);
  await page.locator("[data-testid=run]").click();
  await page.locator("[data-testid=tab-objects]").click();
  const pane = page.locator("[data-testid=objects]");
  await pane.focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < 200; i++) {
    if ((await page.locator("[data-testid=objects-step]").getAttribute("data-line")) === String(line)) break;
    await page.keyboard.press("ArrowRight");
  }
  assert.equal(await page.locator("[data-testid=objects-step]").getAttribute("data-line"), String(line));
  return line;
}

const CHILD_IN_CHILDREN = '[data-object="Parent#1"] [data-attr="children"] [data-item="Child#1"]';

test("back_populates: c.parent = p puts c in p.children, and says why", async () => {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  await openPlayground(page, env.server.url);
  const line = await stepTo(page, "sync_back_populates", "c.parent = p");
  assert.equal(await page.locator(CHILD_IN_CHILDREN).count(), 1);
  assert.match(await page.locator(CHILD_IN_CHILDREN).getAttribute("class"), /added/);
  assert.match(await page.locator('[data-object="Child#1"] [data-attr="parent"]').textContent(), /Parent#1/);
  assert.match(await page.locator("[data-testid=objects-changes]").textContent(), /Child\.parent/, "the via reason");
  assert.equal(await page.locator('[data-object="Parent#1"]').getAttribute("data-state"), "transient");
  // The editor marks the step's line.
  assert.equal((await page.locator("[data-testid=editor-highlight]").textContent()).trim(), "c.parent = p");
  // One step back, the child is not there yet.
  await page.locator("[data-testid=step-prev]").click();
  assert.notEqual(await page.locator("[data-testid=objects-step]").getAttribute("data-line"), String(line));
  assert.equal(await page.locator(CHILD_IN_CHILDREN).count(), 0);
  // Later the session makes them pending, then persistent.
  await page.locator("[data-testid=objects]").focus();
  await page.keyboard.press("End");
  assert.match(await page.locator('[data-object="Parent#1"]').getAttribute("data-state"), /persistent|detached/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("one-sided: c.parent = p leaves p.children alone", async () => {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  await openPlayground(page, env.server.url);
  await stepTo(page, "sync_one_sided", "c.parent = p");
  assert.match(await page.locator('[data-object="Child#1"] [data-attr="parent"]').textContent(), /Parent#1/);
  assert.equal(await page.locator('[data-object="Parent#1"]').count(), 1);
  assert.equal(await page.locator(CHILD_IN_CHILDREN).count(), 0);
  assert.doesNotMatch(await page.locator("[data-testid=objects]").textContent(), /back_populates of|backref of/);
  // After commit everything is expired: the collection shows as not loaded.
  const commit = (await page.evaluate(() => window.relplay.getCode())).split("\n").findIndex((l) => l.trim() === "session.commit()") + 1;
  for (let i = 0; i < 50 && (await page.locator("[data-testid=objects-step]").getAttribute("data-line")) !== String(commit); i++) {
    await page.locator("[data-testid=step-next]").click();
  }
  assert.equal(await page.locator('[data-object="Parent#1"] [data-attr="children"] .obj-unloaded').count(), 1);
  assert.equal(await page.locator('[data-object="Parent#1"]').getAttribute("data-state"), "persistent");
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [name, viewport, theme] of [
  ["wide", { width: 1280, height: 800 }, "light"],
  ["narrow", { width: 390, height: 844 }, "dark"],
]) {
  test(`screenshot: objects, ${name}`, async () => {
    const page = await env.browser.context.newPage();
    await page.setViewportSize(viewport);
    const errors = collectErrors(page);
    await openPlayground(page, env.server.url + `?theme=${theme}`);
    await stepTo(page, "sync_back_populates", "c.parent = p");
    await page.locator("[data-testid=objects]").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `objects-${name}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
