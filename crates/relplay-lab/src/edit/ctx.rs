//! The script being edited: its syntax tree and static model, lookups by
//! name, the style a class is written in, where a new member goes, and the
//! imports a new declaration needs.

use super::text::{indent_at, insert_after, quote_of, Patches};
use super::EditError;
use crate::model::{MappedClass, Model, Relationship, Style};
use crate::span::Span;
use relplay_py::ast::{Module, StmtKind};

pub(crate) struct Ctx<'a> {
    pub src: &'a str,
    pub module: Module,
    pub model: Model,
    pub q: char,
}

impl<'a> Ctx<'a> {
    pub fn new(src: &'a str) -> Result<Self, EditError> {
        let module =
            relplay_py::parse::parse_module(src).map_err(|e| EditError::Syntax(e.to_string()))?;
        let model = crate::model::read_module(&module, src);
        Ok(Ctx {
            src,
            module,
            model,
            q: quote_of(src),
        })
    }

    pub fn class(&self, name: &str) -> Result<&MappedClass, EditError> {
        self.model
            .class(name)
            .ok_or_else(|| EditError::NoClass(name.to_string()))
    }

    /// `"Class.attr"` → the declared relationship.
    pub fn rel(&self, rel: &str) -> Result<&Relationship, EditError> {
        let (c, a) = split_rel(rel)?;
        self.class(c)?
            .relationship(a)
            .ok_or_else(|| EditError::NoRelationship(rel.to_string()))
    }

    /// Whether new declarations in `class` use `Mapped[...]`.
    pub fn annotated(&self, class: &MappedClass) -> bool {
        match class.style {
            Style::Annotated => true,
            Style::Legacy => false,
            Style::Mixed | Style::Unknown => {
                class.relationships.iter().any(|r| r.annotation.is_some())
                    || (class.style == Style::Unknown
                        && self
                            .model
                            .classes
                            .iter()
                            .any(|c| c.style == Style::Annotated))
            }
        }
    }

    /// `List` when the script already writes `List[...]`, else `list`.
    pub fn list_name(&self) -> &'static str {
        if self.src.contains("List[") {
            "List"
        } else {
            "list"
        }
    }

    /// The span after which a new member of `class` goes (its last column or
    /// relationship, so methods stay last) and the members' indentation.
    pub fn member_slot(&self, class: &MappedClass) -> (Span, String) {
        let last = class
            .columns
            .iter()
            .map(|c| c.span)
            .chain(class.relationships.iter().map(|r| r.span))
            .chain(class.tablename.iter().map(|t| t.span))
            .max_by_key(|s| s.end);
        match last {
            Some(s) => (s, indent_at(self.src, s.start as usize).to_string()),
            None => {
                let indent = format!("{}    ", indent_at(self.src, class.span.start as usize));
                (class.span, indent)
            }
        }
    }

    /// Inserts a member line (without indentation or line break) into `class`.
    pub fn add_member(&self, p: &mut Patches, class: &MappedClass, line: &str) {
        let (after, indent) = self.member_slot(class);
        insert_after(p, self.src, after, &format!("{indent}{line}\n"));
    }

    /// The primary key attribute of a class (the first one).
    pub fn pk(&self, class: &MappedClass) -> Option<String> {
        let mut cur = class;
        for _ in 0..32 {
            if let Some(c) = cur.columns.iter().find(|c| c.primary_key) {
                return Some(c.attr.clone().unwrap_or_else(|| c.name.clone()));
            }
            cur = cur.bases.iter().find_map(|b| self.model.class(b))?;
        }
        None
    }

    /// Makes sure `name` is importable as a bare name: adds it to an
    /// existing `from module import ...`, or adds that line after the last
    /// top-level import.
    pub fn ensure_import(&self, p: &mut Patches, module: &str, name: &str) {
        let mut same_module = None;
        let mut last_import = None;
        for s in &self.module.body {
            match &s.kind {
                StmtKind::ImportFrom {
                    module: m, names, ..
                } => {
                    if names
                        .iter()
                        .any(|a| a.asname.as_deref().unwrap_or(&a.name) == name || &*a.name == "*")
                    {
                        return;
                    }
                    if m.as_deref() == Some(module) {
                        same_module = names.last().map(|a| Span::from(a.span));
                    }
                    last_import = Some(Span::from(s.span));
                }
                StmtKind::Import(_) => last_import = Some(Span::from(s.span)),
                _ => {}
            }
        }
        // A name defined at module level (a class, a variable) needs nothing.
        if defines(&self.module, name) {
            return;
        }
        if let Some(last) = same_module {
            p.insert(last.end as usize, format!(", {name}"));
        } else if let Some(s) = last_import {
            insert_after(p, self.src, s, &format!("from {module} import {name}\n"));
        } else {
            p.insert(0, format!("from {module} import {name}\n"));
        }
    }

    pub fn quote(&self, s: &str) -> String {
        super::text::quoted(self.q, s)
    }
}

fn defines(m: &Module, name: &str) -> bool {
    m.body.iter().any(|s| match &s.kind {
        StmtKind::ClassDef(c) => &*c.name == name,
        StmtKind::FunctionDef(f) => &*f.name == name,
        StmtKind::Assign { targets, .. } => targets.iter().any(
            |t| matches!(&t.kind, relplay_py::ast::ExprKind::Name { id, .. } if &**id == name),
        ),
        _ => false,
    })
}

pub(crate) fn split_rel(rel: &str) -> Result<(&str, &str), EditError> {
    rel.split_once('.')
        .filter(|(c, a)| !c.is_empty() && !a.is_empty())
        .ok_or_else(|| EditError::NoRelationship(rel.to_string()))
}

/// The end of a relationship call's last argument (positional target or keyword).
pub(crate) fn last_rel_arg(r: &Relationship) -> Option<usize> {
    let target = r
        .target
        .as_ref()
        .filter(|t| !matches!(t.value, crate::model::Target::Annotation(_)))
        .map(|t| t.span.end as usize);
    r.keywords
        .iter()
        .map(|k| k.span.end as usize)
        .chain(target)
        .max()
}
