import contextlib, io, json, logging, os, runpy, subprocess, sys
SCEN = "/work/shared/conformance/scenarios"
def dump(fn):
    recs = []; last = [None]
    class H(logging.Handler):
        def emit(self, record):
            if record.msg == "[%s] %r":
                recs.append([last[0], record.args[0].split(" ")[0], bool(record.args[1].ismulti), "insertmanyvalues" in record.args[0]])
            elif isinstance(record.msg, str) and not record.args:
                last[0] = str(record.msg)
            else:
                last[0] = record.getMessage()
    logging.getLogger("sqlalchemy.engine.Engine").addHandler(H())
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            os.chdir("/tmp"); runpy.run_path(os.path.join(SCEN, fn), run_name="__main__")
        except BaseException: pass
    return recs
if len(sys.argv) > 1:
    json.dump(dump(sys.argv[1]), sys.stdout); sys.exit()
for fn in sorted(os.listdir(SCEN)):
    if not fn.endswith(".py"): continue
    res = subprocess.run([sys.executable, __file__, fn], capture_output=True, text=True)
    recs = json.loads(res.stdout or "[]")
    seen = set()
    for sql, kind, multi, imv in recs:
        if kind in ("raw", "no"): continue
        if kind == "insertmanyvalues": continue
        key = (sql, multi, imv)
        predicted = "cached" if key in seen else "generated"
        seen.add(key)
        if predicted != kind:
            print(fn, kind, "predicted", predicted, repr(sql[:90]))
