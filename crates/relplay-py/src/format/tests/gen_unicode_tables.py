# Regenerates the CPython-derived tables of ../unicode_tables.rs (CPython 3.11,
# Unicode 14): python3 gen_unicode_tables.py > /tmp/tables.rs, then replace
# the matching statics. ALPHA_FLIP is not made here: it lists the code points
# where Rust's char::is_alphabetic disagrees with str.isalpha, found by running
# both over every code point (the list changes only with Rust's Unicode version).
import unicodedata


def ranges(pred):
    out, start = [], None
    for cp in range(0x110000):
        p = pred(chr(cp))
        if p and start is None:
            start = cp
        if not p and start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out


def emit(name, ty, rs, doc):
    print("/// " + doc)
    print("pub(crate) static %s: &[(%s, %s)] = &[" % (name, ty, ty))
    for a, b in rs:
        print("    (0x%x, 0x%x)," % (a, b))
    print("];")


print("// Unicode %s" % unicodedata.unidata_version)
np = ranges(lambda c: not c.isprintable())
emit("NON_PRINTABLE_BMP", "u16", [r for r in np if r[1] < 0x10000], "Code points for which `str.isprintable()` is false.")
emit("NON_PRINTABLE_ASTRAL", "u32", [r for r in np if r[1] >= 0x10000], "Non-printable code points above the BMP.")
emit("DECIMAL", "u32", ranges(str.isdecimal), "`str.isdecimal()` (general category Nd).")
emit("DIGIT_ONLY", "u32", ranges(lambda c: c.isdigit() and not c.isdecimal()), "`str.isdigit()` but not `isdecimal()`.")
emit("NUMERIC_ONLY", "u32", ranges(lambda c: c.isnumeric() and not c.isdigit()), "`str.isnumeric()` but not `isdigit()`.")
emit("ID_START_EXTRA", "u32", ranges(lambda c: c.isidentifier() and not c.isalpha() and c != "_"), "`XID_Start` code points that are not `isalpha()` (besides `_`).")
