#!/usr/bin/env bash
# Benchmark (not a test): the same ORM script (tests/bench/orm_strategies.py:
# N parents x 3 children, built via relationships, flushed, committed, loaded
# back with each strategy) run as a whole process by relplay and by CPython +
# SQLAlchemy 2.1.9, side by side; prints per N the best wall time of 3 runs,
# the speed ratio, and each process's peak RSS.
#   scripts/bench-orm.sh [N ...]      default: 10 100 10000
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${ORACLE_REFERENCE_PYTHON:-$HOME/.cache/sqla-reference/bin/python}"
[ -x "$ref" ] || bash tests/oracle/setup-reference.sh >/dev/null
cargo build --release -q -p relplay-cli
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
best() { # best wall time of 3 runs, in seconds
    local b=""
    for _ in 1 2 3; do
        local s e
        s=$(date +%s.%N); "$@" > "$tmp/out" 2>&1; e=$(date +%s.%N)
        b=$(python3 -c "t=$e-$s; b='$b'; print(t if not b or t < float(b) else b)")
    done
    echo "$b"
}
peak_mb() { # peak RSS of one run, in MB
    python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("%.0f" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))' "$@"
}
printf '%8s %12s %12s %8s %10s %10s\n' N relplay_s cpython_s ratio relplay_MB cpython_MB
for n in "${@:-10 100 10000}"; do
    for k in $n; do
        sed "s/^N = 10$/N = $k/" tests/bench/orm_strategies.py > "$tmp/bench_$k.py"
        a=$("target/release/relplay" run "$tmp/bench_$k.py"); b=$("$ref" "$tmp/bench_$k.py")
        [ "$a" = "$b" ] || { echo "outputs differ at N=$k: relplay=$a cpython=$b" >&2; exit 1; }
        r=$(best target/release/relplay run "$tmp/bench_$k.py")
        c=$(best "$ref" "$tmp/bench_$k.py")
        rmb=$(peak_mb target/release/relplay run "$tmp/bench_$k.py")
        cm=$(peak_mb "$ref" "$tmp/bench_$k.py")
        python3 -c "print('%8d %12.4f %12.4f %7.1fx %10d %10d' % ($k, $r, $c, $c / $r, $rmb, $cm))"
    done
done
