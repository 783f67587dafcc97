// The relationship lab (web/src/lab/): the model panel's actions rewrite the
// code (undoably), the compare view shows the seeds' lessons, lints appear
// before running, and window.relplay.compare resolves to the variants.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { collectErrors, openPlayground, SHOTS, useBrowser } from "./lib/harness.mjs";

const env = useBrowser({ viewport: { width: 1400, height: 1000 } });

const LEGACY = `from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))  # keep this comment
    children = relationship("Child", back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parent.id"))
    parent = relationship("Parent", back_populates="children")


p = Parent(name="p")
c = Child()
c.parent = p
print(p.children)
`;

async function fresh(code = LEGACY) {
  const page = await env.browser.context.newPage();
  const errors = collectErrors(page);
  await openPlayground(page, env.server.url);
  await page.evaluate((c) => window.relplay.setCode(c), code);
  await page.locator('[data-testid=model][data-class="Parent"]').waitFor();
  return { page, errors };
}

const code = (page) => page.evaluate(() => window.relplay.getCode());
const rel = (page, r) => page.locator(`[data-testid=relationship][data-rel="${r}"]`);
const model = (page, c) => page.locator(`[data-testid=model][data-class="${c}"]`);
const column = (page, c, col) => model(page, c).locator(`[data-testid=column][data-column="${col}"]`);

async function setText(locator, value) {
  await locator.fill(value);
  await locator.dispatchEvent("change");
}

/** The lab refused nothing and the code is the expected one, comments kept. */
async function expectCode(page, includes, excludes = []) {
  assert.equal(await page.locator("[data-testid=lab-error]").count(), 0, await page.locator("[data-testid=lab-error]").allTextContents().then(String));
  const text = await code(page);
  for (const s of includes) assert.ok(text.includes(s), `missing ${JSON.stringify(s)} in:\n${text}`);
  for (const s of excludes) assert.ok(!text.includes(s), `unexpected ${JSON.stringify(s)} in:\n${text}`);
  assert.ok(text.includes("# keep this comment"), "a comment elsewhere was lost");
}

test("the model panel lists models, columns and relationships, and follows typing", async () => {
  const { page, errors } = await fresh();
  assert.equal(await page.locator("[data-testid=model]").count(), 2);
  assert.equal(await model(page, "Child").locator("[data-testid=column]").count(), 2);
  assert.equal(await rel(page, "Parent.children").count(), 1);
  await page.evaluate((c) => window.relplay.setCode(c.replace("class Child(Base)", "class Kid(Base)")), LEGACY);
  await model(page, "Kid").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("relationship actions: sync, uselist, lazy, cascade, move FK — and undo", async () => {
  const { page, errors } = await fresh();
  await rel(page, "Parent.children").locator("[data-testid=rel-sync]").selectOption("backref");
  await expectCode(page, ['children = relationship("Child", backref="parent")'], ['parent = relationship("Parent"']);
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+z");
  assert.equal(await code(page), LEGACY, "the edit is one undoable change");

  await rel(page, "Parent.children").locator("[data-testid=rel-sync]").selectOption("one-sided");
  await expectCode(page, ['children = relationship("Child")', 'parent = relationship("Parent")']);
  await rel(page, "Parent.children").locator("[data-testid=rel-sync]").selectOption("back_populates");
  await expectCode(page, ['children = relationship("Child", back_populates="parent")', 'parent = relationship("Parent", back_populates="children")']);

  await rel(page, "Parent.children").locator("[data-testid=rel-uselist]").selectOption("false");
  await expectCode(page, ['relationship("Child", back_populates="parent", uselist=False)']);
  await rel(page, "Parent.children").locator("[data-testid=rel-uselist]").selectOption("");
  await rel(page, "Parent.children").locator("[data-testid=rel-lazy]").selectOption("joined");
  await expectCode(page, ['relationship("Child", back_populates="parent", lazy="joined")'], ["uselist"]);
  await setText(rel(page, "Parent.children").locator("[data-testid=rel-cascade]"), "all, delete-orphan");
  await expectCode(page, ['lazy="joined", cascade="all, delete-orphan")']);
  await rel(page, "Parent.children").locator("[data-testid=rel-move-fk]").click();
  await expectCode(page, ['child_id = Column(Integer, ForeignKey("child.id"))'], ['parent_id = Column(']);
  await page.screenshot({ path: path.join(SHOTS, "lab-model-editor.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("model and column actions", async () => {
  const { page, errors } = await fresh();
  await page.locator("[data-testid=add-model-name]").fill("Toy");
  await page.locator("[data-testid=add-model] button").click();
  await expectCode(page, ['class Toy(Base):\n    __tablename__ = "toy"\n\n    id = Column(Integer, primary_key=True)\n']);

  await setText(model(page, "Child").locator("[data-testid=rename-model]"), "Kid");
  await expectCode(page, ["class Kid(Base):", 'relationship("Kid", back_populates="parent")', "c = Kid()"], ["Child"]);

  await page.locator("[data-testid=add-column-class]").selectOption("Kid");
  await page.locator("[data-testid=add-column-name]").fill("nickname");
  await page.locator("[data-testid=add-column-type]").fill("String(30)");
  await page.locator("[data-testid=add-column-unique]").check();
  await page.locator("[data-testid=add-column] button").click();
  await expectCode(page, ["    nickname = Column(String(30), unique=True)\n"]);

  await setText(column(page, "Parent", "name").locator("[data-testid=column-type]"), "String(50)");
  await expectCode(page, ["name = Column(String(50))  # keep this comment"]);
  await column(page, "Parent", "name").locator("[data-testid=column-unique]").check();
  await expectCode(page, ["name = Column(String(50), unique=True)  # keep this comment"]);
  await column(page, "Parent", "name").locator("[data-testid=column-nullable]").uncheck();
  await expectCode(page, ["name = Column(String(50), unique=True, nullable=False)  # keep"]);
  await setText(column(page, "Parent", "name").locator("[data-testid=column-name]"), "title");
  await expectCode(page, ["title = Column(String(50), unique=True, nullable=False)  # keep"]);
  await setText(column(page, "Kid", "parent_id").locator("[data-testid=column-fk]"), "toy.id");
  await expectCode(page, ['parent_id = Column(Integer, ForeignKey("toy.id"))']);
  await column(page, "Kid", "nickname").locator("[data-testid=delete-column]").click();
  await expectCode(page, [], ["nickname"]);
  await model(page, "Toy").locator("[data-testid=delete-model]").click();
  await expectCode(page, [], ["class Toy", "toy.id"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("add relationships by kind", async () => {
  const { page, errors } = await fresh();
  const add = async (kind, from, to, attr, back) => {
    await page.locator("[data-testid=add-rel-kind]").selectOption(kind);
    await page.locator("[data-testid=add-rel-from]").selectOption(from);
    await page.locator("[data-testid=add-rel-to]").selectOption(to);
    await page.locator("[data-testid=add-rel-attr]").fill(attr);
    await page.locator("[data-testid=add-rel-back]").fill(back);
    await page.locator("[data-testid=add-relationship] button").click();
  };
  await add("many-to-many", "Parent", "Child", "favourites", "fans");
  await expectCode(page, [
    'parent_child = Table(\n    "parent_child",\n    Base.metadata,\n    Column("parent_id", ForeignKey("parent.id"), primary_key=True),',
    'favourites = relationship("Child", secondary=parent_child, back_populates="fans")',
    'fans = relationship("Parent", secondary=parent_child, back_populates="favourites")',
    "from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, Table",
  ]);
  await add("self-referential", "Child", "Child", "kids", "elder");
  await expectCode(page, ['elder_id = Column(Integer, ForeignKey("child.id"))', 'elder = relationship("Child", remote_side="Child.id", back_populates="kids")']);
  await add("association object", "Parent", "Child", "links", "parent_links");
  await expectCode(page, ["class ParentChild(Base):", 'links = relationship("ParentChild", back_populates="parent")']);
  // The edited script still runs.
  const run = await page.evaluate(() => window.relplay.run());
  assert.equal(run.exit, 0, run.stderr);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a refused edit says why and leaves the code alone", async () => {
  const { page } = await fresh();
  await setText(model(page, "Child").locator("[data-testid=rename-model]"), "Parent");
  await page.locator("[data-testid=lab-error]").waitFor();
  assert.equal(await code(page), LEGACY);
  await page.close();
});

/** The compare cell of `variant` on the line whose text starts with `start`. */
async function cell(page, variant, start) {
  const lines = (await code(page)).split("\n");
  const n = lines.findIndex((l) => l.startsWith(start)) + 1;
  assert.ok(n > 0, `no line starting ${start}`);
  return page.locator(`[data-testid=compare-cell][data-variant="${variant}"][data-line="${n}"]`);
}

test("lesson: without back_populates you get []", async () => {
  const { page, errors } = await fresh();
  await page.locator('[data-testid=lesson][data-lesson="no-back-populates"]').click();
  await page.locator("[data-testid=compare] table").waitFor();
  const heads = await page.locator("[data-testid=compare-variant]").allTextContents();
  assert.deepEqual(heads, ["back_populates", "backref", "backref-other", "one-sided", "none"]);
  const line = 'print("p.children:"';
  assert.equal((await (await cell(page, "back_populates", line)).textContent()).trim(), "p.children: ['c']");
  assert.equal((await (await cell(page, "backref", line)).textContent()).trim(), "p.children: ['c']");
  const oneSided = await cell(page, "one-sided", line);
  assert.equal((await oneSided.textContent()).trim(), "p.children: []");
  assert.match(await oneSided.getAttribute("class"), /\bdiff\b/);
  assert.match(await page.locator('[data-testid=compare-summary][data-variant="none"][data-what="exit"]').textContent(), /1/);
  // What each side holds after `c.parent = p`, from the step trace.
  const holds = async (v) => (await (await cell(page, v, "c.parent = p")).locator("[data-testid=compare-holds] li").allTextContents());
  assert.ok((await holds("back_populates")).includes("Parent#1.children = [Child#1]"));
  assert.ok((await holds("one-sided")).includes("Parent#1.children = []"));
  assert.match(await page.locator('[data-testid=compare-error-cell]').first().textContent(), /AttributeError/);
  // five variant columns are wide: they scroll inside the view, the page keeps its width
  const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
  assert.ok(sw <= cw, `page scrolls sideways: ${sw} > ${cw}`);
  await page.locator("[data-testid=compare]").screenshot({ path: path.join(SHOTS, "lab-compare-sync.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

test("lesson: backref and back_populates are the same sync", async () => {
  const { page } = await fresh();
  await page.locator('[data-testid=lesson][data-lesson="backref-vs-back-populates"]').click();
  await page.locator("[data-testid=compare] table").waitFor();
  const lines = (await code(page)).split("\n");
  const printLines = lines.map((l, i) => [l, i + 1]).filter(([l]) => l.startsWith("print(")).map(([, n]) => n);
  assert.ok(printLines.length > 0);
  for (const n of printLines) {
    const a = await page.locator(`[data-testid=compare-cell][data-variant="back_populates"][data-line="${n}"]`).textContent();
    const b = await page.locator(`[data-testid=compare-cell][data-variant="backref"][data-line="${n}"]`).textContent();
    assert.equal(a, b, `line ${n}`);
  }
  await page.close();
});

test("lesson: lazy strategies differ in query counts", async () => {
  const { page } = await fresh();
  await page.locator('[data-testid=lesson][data-lesson="lazy-strategies"]').click();
  await page.locator("[data-testid=compare] table").waitFor();
  const heads = await page.locator("[data-testid=compare-variant]").allTextContents();
  assert.deepEqual(heads, ["select", "joined", "selectin", "subquery", "dynamic"]);
  const loop = "        print(a.name";
  const counts = {};
  for (const v of heads) counts[v] = Number(await (await cell(page, v, loop)).getAttribute("data-sql"));
  // One lazy load per author for select/dynamic; the eager ones loaded up
  // front. (+1: the session's ROLLBACK as the with block ends after this line.)
  assert.deepEqual(counts, { select: 4, joined: 1, selectin: 1, subquery: 1, dynamic: 4 });
  const total = async (v) => Number(await page.locator(`[data-testid=compare-summary][data-variant="${v}"][data-what="SQL statements"]`).textContent());
  assert.ok((await total("joined")) < (await total("select")));
  await page.locator("[data-testid=compare]").screenshot({ path: path.join(SHOTS, "lab-compare-lazy.png") });
  await page.close();
});

test("window.relplay.compare resolves to the variants", async () => {
  const { page } = await fresh();
  const sync = await page.evaluate(() => window.relplay.compare("Parent.children"));
  assert.deepEqual(sync.map((v) => v.variant), ["back_populates", "backref", "backref-other", "one-sided", "none"]);
  for (const v of sync) assert.deepEqual(Object.keys(v).sort(), ["exit", "sql", "stderr", "stdout", "variant"]);
  assert.match(sync[0].stdout, /Child object/);
  assert.equal(sync[3].stdout, "[]\n");
  assert.equal(sync[4].exit, 1);
  const lazy = await page.evaluate(() => window.relplay.compare("Parent.children", "lazy"));
  assert.deepEqual(lazy.map((v) => v.variant), ["select", "joined", "selectin", "subquery", "dynamic"]);
  const err = await page.evaluate(() => window.relplay.compare("Nope.x").then(() => "resolved", (e) => String(e)));
  assert.match(err, /no mapped class Nope/);
  await page.close();
});

test("lints appear before running, pointing at the line, with the gallery link", async () => {
  const { page, errors } = await fresh();
  await page.evaluate(() => window.relplay.loadExample("mistake_fk_wrong_side"));
  const lint = page.locator('[data-testid=lint][data-code="fk-on-parent-side"]');
  await lint.waitFor();
  const line = Number(await lint.getAttribute("data-line"));
  const text = (await code(page)).split("\n")[line - 1];
  assert.match(text, /ForeignKey|relationship/);
  await lint.locator("summary").click();
  assert.match(await lint.locator("[data-testid=lint-example]").getAttribute("href"), /\?example=/);
  await lint.locator(".lint-line").click();
  await page.locator("[data-testid=editor-highlight]").waitFor();
  // A correct script has no warnings.
  await page.evaluate(() => window.relplay.loadExample("sync_back_populates"));
  await page.waitForFunction(() => !document.querySelector('[data-testid=lint][data-code="fk-on-parent-side"]'));
  assert.deepEqual(errors, []);
  await page.close();
});
