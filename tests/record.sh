#!/usr/bin/env bash
# Re-records the .expected trace of conformance scenarios with the reference
# interpreter (CPython 3.11 + SQLAlchemy 2.1.9), via tests/oracle/oracle.py.
#
#   tests/record.sh                      # every tests/python/*.py and tests/orm/*.py
#   tests/record.sh tests/python/x.py …  # just these
#
# Installs the reference first (tests/oracle/setup-reference.sh) when it is
# missing. Never edit an .expected by hand: fix the scenario and re-record.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
ref="${ORACLE_REFERENCE_PYTHON:-$HOME/.cache/sqla-reference/bin/python}"
if [ ! -x "$ref" ]; then
    bash "$here/oracle/setup-reference.sh"
fi
if [ "$#" -eq 0 ]; then
    shopt -s nullglob
    set -- "$root"/tests/python/*.py "$root"/tests/orm/*.py
    shopt -u nullglob
    if [ "$#" -eq 0 ]; then
        echo "record.sh: no scenarios found under tests/python or tests/orm" >&2
        exit 1
    fi
fi
exec python3 "$here/oracle/oracle.py" record "$@"
