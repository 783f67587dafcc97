# features: print to sys.stdout explicitly, print to stderr (dropped by trace), sys.stdout.write, flush
import sys
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
n = sys.stdout.write("written directly\n")
print("write returned", n)
sys.stdout.write("no newline")
sys.stdout.write(" then newline\n")
print("flushed", flush=True)
print("a", "b", sep="", file=sys.stdout, end="\n\n")
sys.stderr.write("stderr write\n")
print(sys.stdout is sys.__stdout__, hasattr(sys.stdout, "write"))
print("done")
