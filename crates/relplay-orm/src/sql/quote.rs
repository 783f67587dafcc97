//! Identifier quoting of the SQLite dialect's `IdentifierPreparer`.

/// SQLite's reserved words per `SQLiteIdentifierPreparer.reserved_words`.
const RESERVED: &[&str] = &[
    "add",
    "after",
    "all",
    "alter",
    "analyze",
    "and",
    "as",
    "asc",
    "attach",
    "autoincrement",
    "before",
    "begin",
    "between",
    "by",
    "cascade",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "commit",
    "conflict",
    "constraint",
    "create",
    "cross",
    "current_date",
    "current_time",
    "current_timestamp",
    "database",
    "default",
    "deferrable",
    "deferred",
    "delete",
    "desc",
    "detach",
    "distinct",
    "drop",
    "each",
    "else",
    "end",
    "escape",
    "except",
    "exclusive",
    "exists",
    "explain",
    "fail",
    "false",
    "for",
    "foreign",
    "from",
    "full",
    "glob",
    "group",
    "having",
    "if",
    "ignore",
    "immediate",
    "in",
    "index",
    "indexed",
    "initially",
    "inner",
    "insert",
    "instead",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "key",
    "left",
    "like",
    "limit",
    "match",
    "natural",
    "not",
    "notnull",
    "null",
    "of",
    "offset",
    "on",
    "or",
    "order",
    "outer",
    "plan",
    "pragma",
    "primary",
    "query",
    "raise",
    "references",
    "reindex",
    "rename",
    "replace",
    "restrict",
    "right",
    "rollback",
    "row",
    "select",
    "set",
    "table",
    "temp",
    "temporary",
    "then",
    "to",
    "transaction",
    "trigger",
    "true",
    "union",
    "unique",
    "update",
    "using",
    "vacuum",
    "values",
    "view",
    "virtual",
    "when",
    "where",
];

/// The default dialect's reserved words (`compiler.RESERVED_WORDS`), used
/// by `str(statement)`; unlike SQLite's list they include e.g. `user`.
const DEFAULT_RESERVED: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "between",
    "binary",
    "both",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "constraint",
    "create",
    "cross",
    "current_date",
    "current_role",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "false",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "group",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "leading",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "natural",
    "new",
    "not",
    "notnull",
    "null",
    "off",
    "offset",
    "old",
    "on",
    "only",
    "or",
    "order",
    "outer",
    "overlaps",
    "placing",
    "primary",
    "references",
    "right",
    "select",
    "session_user",
    "set",
    "similar",
    "some",
    "symmetric",
    "table",
    "then",
    "to",
    "trailing",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "verbose",
    "when",
    "where",
];

/// Which compiler renders: SQLite (what the engine executes) or the
/// default string compiler behind `str(statement)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Dialect {
    #[default]
    Sqlite,
    Default,
}

/// `quote` for the given dialect's reserved words.
pub fn quote_in(dialect: Dialect, name: &str) -> String {
    let reserved = match dialect {
        Dialect::Sqlite => RESERVED,
        Dialect::Default => DEFAULT_RESERVED,
    };
    if requires_quotes_with(reserved, name) {
        quote_identifier(name)
    } else {
        name.to_string()
    }
}

/// Whether SQLAlchemy quotes this identifier: reserved word, a leading
/// digit or `$`, a character outside `[A-Za-z0-9_$]`, or any uppercase.
pub fn requires_quotes(name: &str) -> bool {
    requires_quotes_with(RESERVED, name)
}

fn requires_quotes_with(reserved: &[&str], name: &str) -> bool {
    let Some(first) = name.chars().next() else {
        return true;
    };
    let lower = name.to_lowercase();
    reserved.contains(&lower.as_str())
        || first.is_ascii_digit()
        || first == '$'
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
        || lower != name
}

/// Always-quoted form (`quote_identifier`), as in `PRAGMA main.table_info("t")`.
pub fn quote_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Quote only when required (`IdentifierPreparer.quote`).
pub fn quote(name: &str) -> String {
    if requires_quotes(name) {
        quote_identifier(name)
    } else {
        name.to_string()
    }
}

/// A SQL string literal, as `render_literal_value` for String.
pub fn string_literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_rules() {
        assert_eq!(quote("user"), "user"); // not reserved on SQLite
        assert_eq!(quote("order"), "\"order\"");
        assert_eq!(quote("J"), "\"J\"");
        assert_eq!(quote("name with space"), "\"name with space\"");
        assert_eq!(quote("user_account"), "user_account");
        assert_eq!(quote("1abc"), "\"1abc\"");
        assert_eq!(quote("_x"), "_x");
        assert_eq!(quote_in(Dialect::Default, "user"), "\"user\"");
    }
}
