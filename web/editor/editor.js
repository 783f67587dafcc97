// The editor glue: CodeMirror 6, bundled by esbuild (npm run build:editor)
// into web/generated/editor.js, which index.html loads before the wasm.
//
// Rust talks to it only through `window.relplayEditor` (see web/src/editor.rs):
//   mount(parent, doc, onChange)  -> creates the editor inside `parent`
//   getCode() / setCode(text)     -> read / replace the whole document
//   applyText(text)               -> make the document `text` with one minimal change
//                                    (the lab's edits: undoable, selection kept mapped)
//   markError(line, msg)          -> underline a 1-based line and show `msg` under it
//   clearErrors()                 -> remove the mark
//   highlightLine(line)           -> highlight a 1-based line (the SQL pane's "this line sent it"); 0 clears
//   markRanges([from, to, ...])   -> mark character ranges (UTF-16 offsets; the ER diagram's hovered
//                                    relationship), scrolling the first into view; [] clears
//   focus()
// Ctrl/Cmd+Enter is handled by the page (a capture-phase listener on window),
// not here, so it works the same with or without CodeMirror.

import { EditorState, StateEffect, StateField } from "@codemirror/state";
import {
  EditorView,
  Decoration,
  WidgetType,
  keymap,
  lineNumbers,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  drawSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  HighlightStyle,
  LanguageSupport,
  syntaxHighlighting,
  indentOnInput,
  bracketMatching,
  indentUnit,
} from "@codemirror/language";
// The bare language, not python(): that adds completion sources, which pull in
// @codemirror/autocomplete (~4 KB brotli) for a completion UI we do not mount.
import { pythonLanguage } from "@codemirror/lang-python";
import { tags as t } from "@lezer/highlight";

// Colours come from CSS variables (web/style.css), so light/dark follow
// prefers-color-scheme without a second theme.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: "var(--syn-keyword)" },
  { tag: [t.string, t.special(t.string)], color: "var(--syn-string)" },
  { tag: [t.number, t.bool, t.null], color: "var(--syn-number)" },
  { tag: [t.comment, t.lineComment], color: "var(--syn-comment)", fontStyle: "italic" },
  { tag: [t.function(t.definition(t.variableName)), t.function(t.variableName)], color: "var(--syn-function)" },
  { tag: [t.definition(t.className), t.className], color: "var(--syn-class)" },
  { tag: [t.self, t.atom], color: "var(--syn-self)" },
  { tag: [t.meta], color: "var(--syn-meta)" },
  { tag: [t.propertyName], color: "var(--syn-property)" },
  { tag: t.invalid, color: "var(--error)" },
]);

const theme = EditorView.theme({
  "&": { height: "100%", backgroundColor: "var(--editor-bg)", color: "var(--fg)" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-content": { caretColor: "var(--fg)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
  ".cm-gutters": { backgroundColor: "var(--editor-gutter)", color: "var(--muted)", border: "none" },
  ".cm-activeLine": { backgroundColor: "var(--editor-active)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--editor-active)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--editor-selection) !important" },
  "&.cm-focused": { outline: "none" },
  ".cm-matchingBracket": { backgroundColor: "var(--editor-bracket)", outline: "none" },
  ".cm-relplay-error-line": { backgroundColor: "var(--error-bg)" },
  ".cm-relplay-highlight-line": { backgroundColor: "var(--highlight-bg)", boxShadow: "inset 3px 0 0 var(--accent)" },
  ".cm-relplay-mark": { backgroundColor: "var(--mark-bg)", borderRadius: "2px", boxShadow: "0 0 0 1px var(--mark-border)" },
  ".cm-relplay-error-msg": {
    backgroundColor: "var(--error-bg)",
    color: "var(--error)",
    fontFamily: "var(--mono)",
    fontSize: "0.85em",
    padding: "0 0.5em 0.2em 1.5em",
    whiteSpace: "pre-wrap",
  },
});

// --- the error mark: a line decoration plus a block widget carrying the message
class ErrorWidget extends WidgetType {
  constructor(msg) { super(); this.msg = msg; }
  eq(other) { return other.msg === this.msg; }
  toDOM() {
    const div = document.createElement("div");
    div.className = "cm-relplay-error-msg";
    div.setAttribute("data-testid", "editor-error");
    div.textContent = this.msg; // text, never markup
    return div;
  }
}

const setError = StateEffect.define();
const errorField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setError)) {
        if (e.value === null) {
          deco = Decoration.none;
        } else {
          const line = tr.state.doc.line(e.value.line);
          deco = Decoration.set([
            Decoration.line({ class: "cm-relplay-error-line" }).range(line.from),
            Decoration.widget({ widget: new ErrorWidget(e.value.msg), block: true, side: 1 }).range(line.to),
          ]);
        }
      }
    }
    // Any edit clears the mark: it described the code as it was.
    if (tr.docChanged && !tr.effects.some((e) => e.is(setError))) deco = Decoration.none;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// --- the SQL pane's highlight: one line decoration, cleared by any edit
const setHighlight = StateEffect.define();
const highlightField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setHighlight)) {
        deco = e.value
          ? Decoration.set([Decoration.line({ class: "cm-relplay-highlight-line", attributes: { "data-testid": "editor-highlight" } }).range(tr.state.doc.line(e.value).from)])
          : Decoration.none;
      }
    }
    if (tr.docChanged && !tr.effects.some((e) => e.is(setHighlight))) deco = Decoration.none;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// --- the diagram's marks: character ranges, cleared by any edit
const setMarks = StateEffect.define();
const markDeco = Decoration.mark({ class: "cm-relplay-mark", attributes: { "data-testid": "editor-mark" } });
const marksField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setMarks)) deco = Decoration.set(e.value.map(([a, b]) => markDeco.range(a, b)), true);
    }
    if (tr.docChanged && !tr.effects.some((e) => e.is(setMarks))) deco = Decoration.none;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

let view = null;

function mount(parent, doc, onChange) {
  if (view) view.destroy();
  view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        indentUnit.of("    "),
        EditorState.tabSize.of(4),
        syntaxHighlighting(highlight),
        new LanguageSupport(pythonLanguage),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        errorField,
        highlightField,
        marksField,
        theme,
        EditorView.contentAttributes.of({ "aria-label": "Python code", spellcheck: "false", autocapitalize: "off", autocorrect: "off" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && typeof onChange === "function") onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return view;
}

function getCode() {
  return view ? view.state.doc.toString() : "";
}

function setCode(text) {
  if (!view) return;
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: String(text) },
    selection: { anchor: 0 },
    scrollIntoView: true,
  });
}

// Only the differing middle is replaced, so undo restores exactly what the
// lab's edit changed and the cursor elsewhere stays put.
function applyText(text) {
  if (!view) return;
  const next = String(text);
  const cur = view.state.doc.toString();
  if (cur === next) return;
  let start = 0;
  const max = Math.min(cur.length, next.length);
  while (start < max && cur.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && cur.charCodeAt(cur.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  view.dispatch({
    changes: { from: start, to: cur.length - end, insert: next.slice(start, next.length - end) },
    userEvent: "input.lab",
    scrollIntoView: true,
  });
}

function markError(line, msg) {
  if (!view) return;
  const n = Math.min(Math.max(1, Math.floor(Number(line)) || 1), view.state.doc.lines);
  view.dispatch({
    effects: [setError.of({ line: n, msg: String(msg) }), EditorView.scrollIntoView(view.state.doc.line(n).from, { y: "center" })],
  });
}

function clearErrors() {
  if (view) view.dispatch({ effects: setError.of(null) });
}

function highlightLine(line) {
  if (!view) return;
  const n = Math.floor(Number(line)) || 0;
  if (n < 1 || n > view.state.doc.lines) {
    view.dispatch({ effects: setHighlight.of(0) });
    return;
  }
  view.dispatch({
    effects: [setHighlight.of(n), EditorView.scrollIntoView(view.state.doc.line(n).from, { y: "center" })],
  });
}

function markRanges(flat) {
  if (!view) return;
  const len = view.state.doc.length;
  const ranges = [];
  const list = Array.from(flat || [], (x) => Math.floor(Number(x)) || 0);
  for (let i = 0; i + 1 < list.length; i += 2) {
    const a = Math.min(Math.max(0, list[i]), len);
    const b = Math.min(Math.max(a, list[i + 1]), len);
    if (b > a) ranges.push([a, b]);
  }
  const effects = [setMarks.of(ranges)];
  if (ranges.length) effects.push(EditorView.scrollIntoView(ranges[0][0], { y: "nearest" }));
  view.dispatch({ effects });
}

function focus() {
  if (view) view.focus();
}

window.relplayEditor = { mount, getCode, setCode, applyText, markError, clearErrors, highlightLine, markRanges, focus, kind: "codemirror" };
