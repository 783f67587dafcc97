//! Python 3.11 source → [`crate::ast::Module`].
//!
//! [`parse_module`] for scripts, [`parse_expression`] for `eval()`-style
//! strings. Errors carry CPython 3.11's wording, line and offset, including
//! the checks CPython makes before running anything (`'return' outside
//! function`, `nonlocal`/`global` misuse, ...).
//!
//! Layout: `lexer` (tokens, INDENT/DEDENT, tokenizer errors) → `parser`
//! (recursive descent; `strings` handles literals and f-strings) →
//! `checks`/`scopes` (iterative post-parse checks).
//!
//! Valid Python the playground does not run (`async def`, `async for`,
//! `async with`, `except*`) parses to
//! [`ast::StmtKind::Unsupported`]; its body is not kept.
//!
//! Limits, chosen so parsing never overflows a 2 MB (debug) or 1 MB (wasm)
//! stack: 80 levels of expression nesting (brackets, lambdas, conditionals,
//! unary operators; CPython allows 200 brackets) reported as `too many
//! nested parentheses` / `expression nesting too deep`; left-deep chains
//! (`a + b + ...`, `a.b.c...`) up to 1000 operators; 100 indentation levels
//! as in CPython. Tree height is therefore bounded for later passes too.

mod checks;
mod errors;
mod lexer;
pub(crate) mod match_checks;
mod parser;
mod scopes;
mod tokens;

#[cfg(test)]
mod tests;

pub use errors::{SyntaxError, SyntaxErrorKind};

use crate::ast;
use parser::Parser;
use tokens::Tok;

/// Parses a module (a script). Runs CPython's compile-time checks too
/// (`'return' outside function`, ...), so a returned module can be run.
pub fn parse_module(source: &str) -> Result<ast::Module, SyntaxError> {
    reject_nul(source)?;
    let lexed = lexer::tokenize(source);
    let mut p = Parser::new(source, lexed.tokens, lexed.error);
    match p.module() {
        Ok(m) => {
            checks::check_module(&m, source)?;
            Ok(m)
        }
        Err(e) => Err(p.finalize_error(*e)),
    }
}

/// Parses a single expression, as `eval()` does (surrounding whitespace and
/// trailing newlines allowed).
pub fn parse_expression(source: &str) -> Result<ast::Expr, SyntaxError> {
    reject_nul(source)?;
    let trimmed = source.trim_start_matches([' ', '\t', '\x0c']);
    let offset = source.len() - trimmed.len();
    let lexed = lexer::tokenize(source);
    let mut p = Parser::new(source, lexed.tokens, lexed.error);
    let r = (|| {
        if offset > 0 && *p.tok() == Tok::Indent {
            p.advance();
        }
        // eval's `expressions`: no `*x` items.
        let e = p.expressions()?;
        while matches!(p.tok(), Tok::Newline | Tok::Dedent) {
            p.advance();
        }
        if *p.tok() != Tok::EndMarker {
            return Err(p.invalid());
        }
        Ok(e)
    })();
    match r {
        Ok(e) => {
            checks::check_expression(&e, source)?;
            Ok(e)
        }
        Err(e) => Err(p.finalize_error(*e)),
    }
}

fn reject_nul(source: &str) -> Result<(), SyntaxError> {
    if let Some(i) = source.find('\0') {
        let line = source[..i].matches('\n').count() as u32 + 1;
        let col = source[..i]
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count()) as u32
            + 1;
        return Err(SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            "source code cannot contain null bytes",
            line,
            col,
        )
        .with_text_from(source));
    }
    Ok(())
}
