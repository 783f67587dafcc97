# features: sys.exit with status code, finally runs on exit, SystemExit caught then re-raised
import sys
print("starting")
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    print("exiting with 3")
    sys.exit(3)
finally:
    print("finally still runs")
print("unreachable")
