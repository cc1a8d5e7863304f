#!/usr/bin/env python3
"""Drive one live tslab kernel through a script of steps (for tests of interactive use).

Usage: kernel_session.py CWD STEPS.json  ->  prints a JSON list with the text output of each code step.
A step is {"code": "..."} (executed in the kernel) or {"write": path, "content": "..."} (a file edit
between executions, as a user editing src/ would do).
"""
import json
import os
import sys
import time

from jupyter_client.manager import start_new_kernel


def run(kc, code):
    msg_id = kc.execute(code)
    texts, error = [], None
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        t, c = msg["msg_type"], msg["content"]
        if t == "stream":
            texts.append(c["text"])
        elif t in ("execute_result", "display_data"):
            texts.append(c["data"].get("text/plain", ""))
        elif t == "error":
            error = c.get("evalue", "") or "error"
        elif t == "status" and c["execution_state"] == "idle":
            break
    return {"text": "".join(texts), "error": error}


def main():
    cwd, steps_file = sys.argv[1:3]
    steps = json.load(open(steps_file))
    km, kc = start_new_kernel(kernel_name="tslab", cwd=cwd)
    results = []
    try:
        for step in steps:
            if "write" in step:
                with open(step["write"], "w") as f:
                    f.write(step["content"])
                # a new mtime must be visible to the kernel's file watcher
                t = time.time() + 2
                os.utime(step["write"], (t, t))
                time.sleep(step.get("sleep", 1.5))
            else:
                results.append(run(kc, step["code"]))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
