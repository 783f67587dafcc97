//! `match` statements → bytecode.
//!
//! Unlike CPython, which keeps the subject and its parts on the value stack
//! and pops a varying amount on failure, every value under test lives in a
//! hidden local slot (`.m<N>`, not a valid identifier). Each test then
//! starts and ends with an empty stack, so a failed test is one jump to the
//! next case, and `break`/`return` in a case body need no extra cleanup.
//! Captures go to hidden slots too and are stored under their names only
//! once the whole pattern has matched, as CPython does.

use std::rc::Rc;

use super::{Compiler, R};
use crate::ast::*;
use crate::compile::code::{MatchOp, Op};
use crate::parse::match_checks::bound_names;
use crate::value::Value;

/// Where a case's capture names are held until the pattern succeeds.
type Captures = Vec<(Name, u32)>;

impl<'a> Compiler<'a> {
    fn hidden_slot(&mut self) -> u32 {
        self.hidden.0 += 1;
        let n: Rc<str> = Rc::from(format!(".m{}", self.hidden.0));
        let s = self.varname(&n);
        self.hidden.1.push(s);
        s
    }

    /// Drops what the slots hold, so a matched object is not kept alive
    /// by the statement (SQLAlchemy's identity map is weak).
    fn clear_slots(&mut self, slots: &[u32]) {
        for s in slots {
            self.load_const(Value::None);
            self.emit(Op::StoreFast(*s));
        }
    }

    /// Marks a new line only when it changes, so the line hook sees one
    /// step per line.
    fn pattern_line(&mut self, line: u32) {
        if self.u().cur_line != line {
            self.set_line(line);
        }
    }

    /// Pops a bool and jumps to the case's failure label when it is false.
    fn fail_unless(&mut self, fails: &mut Vec<usize>) {
        fails.push(self.emit(Op::PopJumpIfFalse(0)));
    }

    pub(super) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> R {
        self.expr(subject)?;
        let subj = self.hidden_slot();
        self.emit(Op::StoreFast(subj));
        let mut ends = Vec::new();
        for case in cases {
            self.set_line(case.pattern.span.line);
            let first = self.hidden.1.len();
            let caps: Captures = bound_names(&case.pattern)
                .into_iter()
                .map(|n| {
                    let s = self.hidden_slot();
                    (n, s)
                })
                .collect();
            let mut fails = Vec::new();
            self.pattern(&case.pattern, subj, &caps, &mut fails)?;
            let slots = self.hidden.1.split_off(first);
            for (name, slot) in &caps {
                self.emit(Op::LoadFast(*slot));
                self.store_name(name);
            }
            self.clear_slots(&slots);
            let mut guard_fail = None;
            if let Some(g) = &case.guard {
                self.pattern_line(g.span.line);
                self.expr(g)?;
                guard_fail = Some(self.emit(Op::PopJumpIfFalse(0)));
            }
            self.clear_slots(&[subj]);
            self.stmts(&case.body)?;
            ends.push(self.emit(Op::Jump(0)));
            // A failed pattern drops its partial values; then the next case.
            let h = self.here();
            for f in fails {
                self.patch(f, h);
            }
            self.clear_slots(&slots);
            let h = self.here();
            if let Some(j) = guard_fail {
                self.patch(j, h);
            }
        }
        self.clear_slots(&[subj]);
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
        Ok(())
    }

    /// Tests the value in `slot` against `p`; on failure jumps (recorded
    /// in `fails`) with an empty stack.
    fn pattern(&mut self, p: &'a Pattern, slot: u32, caps: &Captures, fails: &mut Vec<usize>) -> R {
        self.pattern_line(p.span.line);
        match &p.kind {
            PatternKind::Value(e) => {
                self.emit(Op::LoadFast(slot));
                self.expr(e)?;
                self.emit(Op::Compare(CmpOp::Eq));
                self.fail_unless(fails);
            }
            PatternKind::Singleton(c) => {
                self.emit(Op::LoadFast(slot));
                self.load_const(match c {
                    Constant::True => Value::Bool(true),
                    Constant::False => Value::Bool(false),
                    _ => Value::None,
                });
                self.emit(Op::Compare(CmpOp::Is));
                self.fail_unless(fails);
            }
            PatternKind::As { pattern, name } => {
                if let Some(inner) = pattern {
                    self.pattern(inner, slot, caps, fails)?;
                }
                if let Some(n) = name {
                    self.capture(n, slot, caps);
                }
            }
            PatternKind::Star(name) => {
                if let Some(n) = name {
                    self.capture(n, slot, caps);
                }
            }
            PatternKind::Sequence(items) => self.seq_pattern(items, slot, caps, fails)?,
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => self.mapping(keys, patterns, rest.as_ref(), slot, caps, fails)?,
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.emit(Op::LoadFast(slot));
                self.expr(cls)?;
                let names = kwd_attrs.iter().map(|a| Value::Str(a.clone())).collect();
                self.load_const(Value::tuple(names));
                self.emit(Op::Match(MatchOp::Class(patterns.len() as u32)));
                let subs: Vec<&'a Pattern> = patterns.iter().chain(kwd_patterns).collect();
                self.destructure(&subs, caps, fails)?;
            }
            PatternKind::Or(alts) => {
                let mut oks = Vec::new();
                for (i, alt) in alts.iter().enumerate() {
                    if i + 1 == alts.len() {
                        self.pattern(alt, slot, caps, fails)?;
                        break;
                    }
                    let mut alt_fails = Vec::new();
                    self.pattern(alt, slot, caps, &mut alt_fails)?;
                    oks.push(self.emit(Op::Jump(0)));
                    let h = self.here();
                    for f in alt_fails {
                        self.patch(f, h);
                    }
                }
                let h = self.here();
                for j in oks {
                    self.patch(j, h);
                }
            }
        }
        Ok(())
    }

    fn capture(&mut self, name: &Name, slot: u32, caps: &Captures) {
        if let Some((_, c)) = caps.iter().find(|(n, _)| n == name) {
            self.emit(Op::LoadFast(slot));
            self.emit(Op::StoreFast(*c));
        }
    }

    fn seq_pattern(
        &mut self,
        items: &'a [Pattern],
        slot: u32,
        caps: &Captures,
        fails: &mut Vec<usize>,
    ) -> R {
        self.emit(Op::LoadFast(slot));
        self.emit(Op::Match(MatchOp::IsSequence));
        self.fail_unless(fails);
        let star = items
            .iter()
            .position(|x| matches!(x.kind, PatternKind::Star(_)));
        let fixed = items.len() - usize::from(star.is_some());
        if star.is_none() || fixed > 0 {
            self.emit(Op::LoadFast(slot));
            self.emit(Op::Match(MatchOp::Len));
            self.load_const(Value::Int(fixed as i64));
            let op = if star.is_some() {
                CmpOp::GtE
            } else {
                CmpOp::Eq
            };
            self.emit(Op::Compare(op));
            self.fail_unless(fails);
        }
        if items.iter().all(is_wildcard) {
            return Ok(());
        }
        self.emit(Op::LoadFast(slot));
        match star {
            Some(i) => self.emit(Op::UnpackEx(i as u32, (items.len() - i - 1) as u32)),
            None => self.emit(Op::UnpackSequence(items.len() as u32)),
        };
        self.store_parts(items.iter().collect(), caps, fails)
    }

    /// Stores the values unpacked on the stack (first on top) into fresh
    /// slots, then matches each against its sub-pattern.
    fn store_parts(
        &mut self,
        subs: Vec<&'a Pattern>,
        caps: &Captures,
        fails: &mut Vec<usize>,
    ) -> R {
        let slots: Vec<u32> = subs.iter().map(|_| self.hidden_slot()).collect();
        for s in &slots {
            self.emit(Op::StoreFast(*s));
        }
        for (p, s) in subs.into_iter().zip(slots) {
            self.pattern(p, s, caps, fails)?;
        }
        Ok(())
    }

    /// After a MATCH_KEYS/MATCH_CLASS result (a tuple, or None for no
    /// match) on the stack: checks it and matches its items.
    fn destructure(&mut self, subs: &[&'a Pattern], caps: &Captures, fails: &mut Vec<usize>) -> R {
        let t = self.hidden_slot();
        self.emit(Op::StoreFast(t));
        self.emit(Op::LoadFast(t));
        self.load_const(Value::None);
        self.emit(Op::Compare(CmpOp::IsNot));
        self.fail_unless(fails);
        if subs.iter().copied().all(is_wildcard) {
            return Ok(());
        }
        self.emit(Op::LoadFast(t));
        self.emit(Op::UnpackSequence(subs.len() as u32));
        self.store_parts(subs.to_vec(), caps, fails)
    }

    fn mapping(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&Name>,
        slot: u32,
        caps: &Captures,
        fails: &mut Vec<usize>,
    ) -> R {
        self.emit(Op::LoadFast(slot));
        self.emit(Op::Match(MatchOp::IsMapping));
        self.fail_unless(fails);
        if keys.is_empty() && rest.is_none() {
            return Ok(());
        }
        if !keys.is_empty() {
            self.emit(Op::LoadFast(slot));
            self.emit(Op::Match(MatchOp::Len));
            self.load_const(Value::Int(keys.len() as i64));
            self.emit(Op::Compare(CmpOp::GtE));
            self.fail_unless(fails);
        }
        for k in keys {
            self.expr(k)?;
        }
        self.emit(Op::BuildTuple(keys.len() as u32));
        let ks = self.hidden_slot();
        self.emit(Op::StoreFast(ks));
        if !keys.is_empty() {
            self.emit(Op::LoadFast(slot));
            self.emit(Op::LoadFast(ks));
            self.emit(Op::Match(MatchOp::Keys));
            let subs: Vec<&'a Pattern> = patterns.iter().collect();
            self.destructure(&subs, caps, fails)?;
        }
        if let Some(r) = rest {
            self.emit(Op::LoadFast(slot));
            self.emit(Op::LoadFast(ks));
            self.emit(Op::Match(MatchOp::Rest));
            let tmp = self.hidden_slot();
            self.emit(Op::StoreFast(tmp));
            self.capture(r, tmp, caps);
        }
        Ok(())
    }
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.kind,
        PatternKind::As {
            pattern: None,
            name: None
        } | PatternKind::Star(None)
    )
}
