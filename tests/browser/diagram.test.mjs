// The Diagram pane (web/src/er/): drawn from the static model, before any
// run; one box per table, each relationship end named; hover marks the code;
// pan/zoom by keyboard and buttons. Screenshots at 1280×800 and narrow.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { collectErrors, openPlayground, SHOTS, useBrowser } from "./lib/harness.mjs";

const env = useBrowser();

// What each example declares (read off tests/gallery/*.py).
const EXPECTED = {
  one_to_many: { tables: ["parent", "child"], ends: ["Parent.children", "Child.parent"] },
  sync_backref: { tables: ["parent", "child"], ends: ["Parent.children", "Child.parent"], generated: ["Child.parent"] },
  sync_one_sided: { tables: ["parent", "child"], ends: ["Parent.children", "Child.parent"], absent: 2 },
  many_to_many_table: { tables: ["left", "right", "association"], ends: ["Parent.children", "Child.parents"] },
  adjacency_list: { tables: ["node"], ends: ["Node.parent", "Node.children"], generated: ["Node.children"] },
  association_object: {
    tables: ["membership", "user_account", "user_group"],
    ends: ["Membership.user", "User.memberships", "Membership.group", "Group.memberships"],
  },
  blog: { tables: ["users", "posts", "comments"], ends: ["User.posts", "Post.author", "Post.comments", "Comment.post"] },
};

async function openDiagram(page, id) {
  // Start from an empty drawing, so a stale one (same tables) is never read.
  if (await page.locator("[data-testid=er-diagram]").count()) {
    await page.evaluate(() => window.relplay.setCode(""));
    await page.waitForFunction(() => !document.querySelector("[data-testid=er-diagram] [data-table]"));
  }
  assert.ok(await page.evaluate((id) => window.relplay.loadExample(id), id), `example ${id}`);
  await page.locator("[data-testid=tab-diagram]").click();
  await page.locator("[data-testid=er-diagram] [data-table]").first().waitFor();
}

const sorted = (xs) => [...xs].sort();

test("tables and relationship ends match the model, before running", async () => {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  await openPlayground(page, env.server.url);
  for (const [id, want] of Object.entries(EXPECTED)) {
    await openDiagram(page, id);
    // The debounced redraw has happened once the boxes are this example's.
    await page.waitForFunction(
      (names) => {
        const got = [...document.querySelectorAll("[data-testid=er-diagram] [data-table]")].map((e) => e.dataset.table);
        return got.length === names.length && names.every((n) => got.includes(n));
      },
      want.tables,
      { timeout: 5000 },
    );
    const ends = await page.locator("[data-testid=er-diagram] [data-relationship]").evaluateAll((es) => es.map((e) => e.dataset.relationship));
    assert.deepEqual(sorted(ends), sorted(want.ends), `${id}: relationship ends`);
    const generated = await page.locator("[data-testid=er-diagram] .er-end.generated").evaluateAll((es) => es.map((e) => e.dataset.relationship));
    assert.deepEqual(generated, want.generated ?? [], `${id}: generated ends`);
    assert.equal(await page.locator("[data-testid=er-diagram] .er-end.absent").count(), want.absent ?? 0, `${id}: absent ends`);
    assert.equal(await page.locator("[data-testid=status]").count(), 0, "nothing ran");
  }
  // PK/FK marks and types.
  await openDiagram(page, "one_to_many");
  const child = page.locator('[data-table="child"]');
  assert.match(await child.textContent(), /FK\s*parent_id/);
  assert.match(await page.locator('[data-table="parent"]').textContent(), /PK\s*id/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the diagram follows edits (debounced) and shows script text as text", async () => {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  await openPlayground(page, env.server.url);
  await openDiagram(page, "sync_back_populates");
  const code = await page.evaluate(() => window.relplay.getCode());
  await page.evaluate((c) => window.relplay.setCode(c.replace('"child"', '"kid<b>s</b>"')), code);
  await page.locator('[data-table="kid<b>s</b>"]').waitFor({ timeout: 5000 });
  assert.equal(await page.locator("[data-testid=er-diagram] b").count(), 0, "never parsed as markup");
  // Code that does not parse keeps the last diagram and says why.
  await page.evaluate(() => window.relplay.setCode(window.relplay.getCode() + "\nclass (:\n"));
  await page.locator(".er-message").waitFor({ timeout: 5000 });
  assert.equal(await page.locator('[data-table="parent"]').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("hover marks both ends and the declaring code; keyboard pan and zoom", async () => {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  await openPlayground(page, env.server.url);
  await openDiagram(page, "sync_back_populates");
  await page.locator("[data-testid=er-fit]").click();
  const end = page.locator('[data-relationship="Child.parent"]');
  await end.hover();
  await page.locator(".er-rel.hover").waitFor();
  const marked = await page.locator("[data-testid=editor-mark]").allTextContents();
  const text = marked.join("");
  assert.match(text, /children = relationship\("Child", back_populates="parent"\)/);
  assert.match(text, /parent = relationship\("Parent", back_populates="children"\)/);
  await page.mouse.move(2, 2);
  await page.waitForFunction(() => !document.querySelector(".er-rel.hover"));
  assert.equal(await page.locator("[data-testid=editor-mark]").count(), 0);
  // Keyboard: + zooms, arrows pan, 0 fits again.
  const host = page.locator("[data-testid=er-diagram]");
  await host.focus();
  const transform = () => page.locator(".er-viewport").getAttribute("transform");
  const before = await transform();
  await page.keyboard.press("+");
  await page.keyboard.press("ArrowLeft");
  assert.notEqual(await transform(), before);
  await page.keyboard.press("0");
  await page.waitForFunction((b) => document.querySelector(".er-viewport").getAttribute("transform") === b, before);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [name, viewport, theme] of [
  ["wide", { width: 1280, height: 800 }, "light"],
  ["narrow", { width: 390, height: 844 }, "dark"],
]) {
  test(`screenshot: diagram, ${name}`, async () => {
    const page = await env.browser.context.newPage();
    await page.setViewportSize(viewport);
    const errors = collectErrors(page);
    await openPlayground(page, env.server.url + `?theme=${theme}`);
    for (const id of ["many_to_many_table", "blog", "sync_backref", "adjacency_list"]) {
      await openDiagram(page, id);
      await page.waitForTimeout(400);
      await page.locator("[data-testid=er-diagram]").scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `diagram-${id}-${name}.png`) });
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("embed: panes=diagram,objects offers just those, in that order", async () => {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  await openPlayground(page, env.server.url + "?embed&example=sync_one_sided&panes=diagram,objects&run=1");
  await page.locator("[data-testid=status]").waitFor();
  assert.deepEqual(await page.locator('[role="tab"]').allTextContents(), ["Diagram", "Objects"]);
  await page.locator('[data-testid=er-diagram] [data-table="child"]').waitFor();
  assert.equal(await page.locator("[data-testid=er-diagram] .er-end.absent").count(), 2);
  await page.locator("[data-testid=tab-objects]").click();
  await page.locator("[data-testid=objects] [data-object]").first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
