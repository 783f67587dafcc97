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

/// Whether SQLAlchemy quotes this identifier: reserved word, a leading
/// digit or `$`, a character outside `[A-Za-z0-9_$]`, or any uppercase.
pub fn requires_quotes(name: &str) -> bool {
    let Some(first) = name.chars().next() else {
        return true;
    };
    let lower = name.to_lowercase();
    RESERVED.contains(&lower.as_str())
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
    }
}
