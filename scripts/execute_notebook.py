#!/usr/bin/env python3
"""Execute one notebook on the project's tslab kernel, with per-cell progress, and export it.

Usage: execute_notebook.py IN.ipynb OUT.ipynb OUT.html SUMMARY.json [CELL_TIMEOUT_S]

Writes the executed notebook, its HTML report (even when a cell fails, so the report shows the
error), and a JSON summary: status, seconds, cells, the failing cell with its real error text
(tslab sends only `<Error>:` as the error value and puts the message on stderr), and every
value recorded with `record()` (MIME application/vnd.stbw.record+json).
"""
import json
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

RECORD_MIME = "application/vnd.stbw.record+json"


def cell_error_text(cell):
    """The most useful error text of a failed cell: stderr streams plus error outputs."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            tb = "\n".join(out.get("traceback", []))
            value = out.get("evalue", "")
            if value and value not in ("", "<Error>:") or tb:
                parts.append(f"{out.get('ename', 'Error')}: {value}\n{tb}".strip())
    return "\n".join(p.strip() for p in parts if p.strip()) or "(the kernel reported an error without a message)"


def main():
    src, out_ipynb, out_html, out_summary = sys.argv[1:5]
    timeout = int(sys.argv[5]) if len(sys.argv) > 5 else 600
    nb = nbformat.read(src, as_version=4)
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    started = time.time()
    state = {"cell_started": started}

    def on_cell_start(cell, cell_index, **kwargs):
        state["cell_started"] = time.time()
        state["cell_index"] = cell_index

    def on_cell_executed(cell, cell_index, **kwargs):
        n = code_cells.index(cell_index) + 1 if cell_index in code_cells else 0
        dt = time.time() - state["cell_started"]
        first = next((l for l in cell.source.splitlines() if l.strip() and not l.strip().startswith("//")), "")
        print(f"    cell {n}/{len(code_cells)} {dt:5.1f}s  {first[:70]}", flush=True)

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="tslab",
        resources={"metadata": {"path": src.rsplit("/", 1)[0] if "/" in src else "."}},
        on_cell_start=on_cell_start,
        on_cell_executed=on_cell_executed,
    )
    status, failed, error = "ok", None, None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        status = "failed"
        i = state.get("cell_index")
        if i is not None:
            cell = nb.cells[i]
            failed = {"index": i, "number": code_cells.index(i) + 1, "source": cell.source}
            error = cell_error_text(cell)
            if error.startswith("(the kernel"):
                error = str(exc)
        else:
            error = str(exc)
    seconds = time.time() - started

    records = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            payload = out.get("data", {}).get(RECORD_MIME)
            if payload is not None:
                records[payload["name"]] = payload["value"]

    nbformat.write(nb, out_ipynb)
    exporter = HTMLExporter()
    html, _ = exporter.from_notebook_node(nb)
    with open(out_html, "w", encoding="utf-8") as f:
        f.write(html)
    summary = {"status": status, "seconds": round(seconds, 2), "cells": len(code_cells),
               "failed_cell": failed, "error": error, "records": records}
    with open(out_summary, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)
    sys.exit(0 if status == "ok" else 1)


if __name__ == "__main__":
    main()
