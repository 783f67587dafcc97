# features: sys.exit with a string message goes to stderr with status 1
import sys
print("about to exit")
sys.exit("fatal: configuration missing")
