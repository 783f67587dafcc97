# features: sys.exit with a string message (printed to stderr, exit status 1), SystemExit code attribute
import sys

try:
    sys.exit("first message")
except SystemExit as e:
    print("caught SystemExit with code", repr(e.code))
try:
    raise SystemExit(5)
except SystemExit as e:
    print("code", e.code, type(e.code).__name__)
print("about to exit")
sys.exit("fatal: configuration missing")
