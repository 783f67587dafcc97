// The SQL pane, driven with hand-built events through window.relplayDev.show
// (the facade does not report events yet; see web/src/sqllog.rs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { collectErrors, openPlayground, SHOTS, useBrowser } from "./lib/harness.mjs";

const env = useBrowser();

const SCRIPT = [
  "from sqlalchemy import select", // 1
  "engine = make_engine()", // 2
  "with Session(engine) as s:", // 3
  "    parents = s.scalars(select(Parent)).all()", // 4
  "    for p in parents:", // 5
  "        print(p.name, len(p.children))", // 6
  "",
].join("\n");

const LAZY = "SELECT child.id, child.parent_id \nFROM child \nWHERE ? = child.parent_id";

function nPlusOne(n = 4) {
  const events = [
    { stream: "sql", line: 4, text: "BEGIN (implicit)" },
    { stream: "sql", line: 4, text: "SELECT parent.id, parent.name \nFROM parent" },
    { stream: "sql", line: 4, text: "[generated in 0.00011s] ()" },
  ];
  for (let i = 1; i <= n; i++) {
    events.push({ stream: "sql", line: 6, text: LAZY });
    events.push({ stream: "sql", line: 6, text: i === 1 ? "[generated in 0.0001s] (1,)" : `[cached since 0.002s ago] (${i},)` });
    events.push({ stream: "stdout", line: 6, text: `p${i} 2\n` });
  }
  events.push({ stream: "sql", line: 3, text: "ROLLBACK" });
  return { stdout: "p1 2\n", stderr: "", exit: 0, events };
}

async function fresh() {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  await openPlayground(page, env.server.url);
  await page.evaluate((c) => window.relplay.setCode(c), SCRIPT);
  return { page, errors };
}

test("no SQL events: no SQL tab", async () => {
  const { page, errors } = await fresh();
  await page.evaluate(() => window.relplayDev.show({ stdout: "hi\n", stderr: "", exit: 0, events: [{ stream: "stdout", line: 1, text: "hi\n" }] }));
  assert.deepEqual(await page.locator('[role="tab"]').allTextContents(), ["Console", "Diagram"]);
  assert.equal(await page.locator("[data-testid=sql-log]").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("SQL grouped by script line, with statement counts; N+1 stands out", async () => {
  const { page, errors } = await fresh();
  await page.evaluate((r) => window.relplayDev.show(r), nPlusOne(4));
  const sqlTab = page.locator("[data-testid=tab-sql]");
  // Keyboard: the tabs pattern (one tab stop, arrows move between tabs).
  assert.equal(await sqlTab.getAttribute("tabindex"), "-1");
  await page.locator("[data-testid=tab-console]").focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "tab-sql");
  assert.equal(await sqlTab.getAttribute("aria-selected"), "true");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "tab-diagram");
  await page.keyboard.press("ArrowRight"); // wraps to Console
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "tab-console");
  assert.equal(await page.locator("[data-testid=tab-console]").getAttribute("aria-selected"), "true");
  assert.equal(await sqlTab.textContent(), "SQL5", "tab shows the statement count (BEGIN/ROLLBACK not counted)");
  assert.equal(await page.locator('[role="tab"][aria-selected="true"]').textContent(), "Console", "Console stays the default");
  await sqlTab.click();
  const log = page.locator("[data-testid=sql-log]");
  await log.waitFor();
  const groups = log.locator(".sql-group");
  assert.equal(await groups.count(), 3);
  assert.deepEqual(await log.locator("[data-testid=sql-group] .sql-line").allTextContents(), ["line 4", "line 6", "line 3"]);
  assert.deepEqual(await log.locator("[data-testid=sql-count]").allTextContents(), ["1 statement", "4 statements", "transaction control"]);
  // The lazy load in the loop: one group, flagged.
  const hot = log.locator(".sql-group.hot");
  assert.equal(await hot.count(), 1);
  assert.equal(await hot.getAttribute("data-line"), "6");
  assert.match(await hot.textContent(), /same SELECT ×4/);
  assert.equal(await hot.locator(".sql-text").count(), 4);
  assert.equal(await hot.locator(".sql-params").first().textContent(), "[generated in 0.0001s] (1,)");
  // Prints are not in the SQL pane, SQL is not in the console.
  assert.doesNotMatch(await log.textContent(), /p1 2/);

  // Clicking a group highlights its line in the editor.
  await log.locator("[data-testid=sql-group]").nth(1).click();
  const hl = page.locator("[data-testid=editor] [data-testid=editor-highlight]");
  assert.equal(await hl.count(), 1);
  assert.equal(await hl.textContent(), "        print(p.name, len(p.children))");
  await log.locator("[data-testid=sql-group]").nth(0).click();
  assert.equal(await hl.textContent(), "    parents = s.scalars(select(Parent)).all()");
  // Editing clears the highlight.
  await page.evaluate(() => window.relplay.setCode("x = 1\n"));
  assert.equal(await hl.count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a long N+1 folds past three statements", async () => {
  const { page, errors } = await fresh();
  await page.evaluate((r) => window.relplayDev.show(r), nPlusOne(40));
  await page.locator("[data-testid=tab-sql]").click();
  const hot = page.locator(".sql-group.hot");
  assert.match(await hot.locator("[data-testid=sql-count]").textContent(), /^40 statements$/);
  assert.equal(await hot.locator(".sql-text:visible").count(), 3);
  assert.equal(await hot.locator("[data-testid=sql-more]").textContent(), "37 more statements");
  await hot.locator("[data-testid=sql-more]").click();
  assert.equal(await hot.locator(".sql-text:visible").count(), 40);
  assert.deepEqual(errors, []);
  await page.close();
});

test("SQL text is text, never markup; odd events are harmless", async () => {
  const { page, errors } = await fresh();
  await page.evaluate(() =>
    window.relplayDev.show({
      stdout: "",
      stderr: "",
      exit: 0,
      events: [
        { stream: "sql", line: 2, text: "SELECT '<img src=x onerror=alert(1)>'" },
        { stream: "sql", line: 0, text: "COMMIT" },
        { stream: "sql", line: -5, text: "SELECT 2" },
        { stream: "bogus", line: 1, text: "dropped" },
        { stream: "sql", line: 1e12, text: "SELECT 3" },
        { stream: "sql" },
        null,
      ],
    }),
  );
  await page.locator("[data-testid=tab-sql]").click();
  const log = page.locator("[data-testid=sql-log]");
  assert.equal(await log.locator("img").count(), 0);
  assert.match(await log.textContent(), /<img src=x onerror=alert\(1\)>/);
  assert.doesNotMatch(await log.textContent(), /dropped/);
  // Line 0 (no script line): shown, but not clickable.
  assert.equal(await log.locator('.sql-group[data-line="0"] button').isDisabled(), true);
  assert.equal(await page.locator("#panic-banner").isHidden(), true);
  // A real run without SQL removes the tab again, and the console is shown.
  await page.evaluate(() => (window.relplay.setCode("print(1)\n"), window.relplay.run()));
  assert.deepEqual(await page.locator('[role="tab"]').allTextContents(), ["Console", "Diagram"]);
  assert.equal(await page.locator("[data-testid=stdout]").count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("screenshot: the SQL pane", async () => {
  for (const [name, scheme] of [["sql", "light"], ["sql-dark", "dark"]]) {
    const { page } = await fresh();
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((r) => window.relplayDev.show(r), nPlusOne(6));
    await page.locator("[data-testid=tab-sql]").click();
    await page.locator("[data-testid=sql-group]").nth(1).click();
    await page.screenshot({ path: `${SHOTS}/relplay-${name}.png` });
    await page.close();
  }
});
