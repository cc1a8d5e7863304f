/**
 * Executes notebooks in order on the project's tslab kernel and writes HTML reports:
 * `reports/NN_name.html` per notebook and `reports/index.html` (status, duration, key results).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ensureKernelspec, findPython, jupyterEnv, jupyterInstallHint, ROOT } from "./jupyter-env";

export interface NotebookResult {
  notebook: string;
  status: "ok" | "failed";
  seconds: number;
  cells: number;
  failedCell: { number: number; source: string } | null;
  error: string | null;
  records: Record<string, unknown>;
  html: string;
}

export interface RunOptions {
  /** Name prefixes to select notebooks (e.g. ["01"]); all when empty. */
  filters?: string[];
  /** Folder of the notebooks. Default `<project>/notebooks`. */
  notebookDir?: string;
  /** Output folder. Default `<project>/reports`. */
  outDir?: string;
  /** Per-cell timeout in seconds. Default 600. */
  cellTimeout?: number;
  /** Extra environment for the kernel (DATASET, SEED …). */
  env?: Record<string, string>;
  /** Print progress lines. Default true. */
  verbose?: boolean;
}

export const NOTEBOOK_DIR = join(ROOT, "notebooks");

/** Notebooks to run, in name order; names starting with `_` (templates) are skipped. */
export function listNotebooks(filters: string[] = [], dir: string = NOTEBOOK_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb") && !f.startsWith("_"))
    .filter((f) => filters.length === 0 || filters.some((p) => f.startsWith(p)))
    .sort();
}

function runOne(python: string, nb: string, outDir: string, opts: RunOptions): Promise<NotebookResult> {
  const name = basename(nb, ".ipynb");
  const executed = join(outDir, "executed", `${name}.ipynb`);
  const html = join(outDir, `${name}.html`);
  const summary = join(outDir, "executed", `${name}.json`);
  const nbDir = opts.notebookDir ?? NOTEBOOK_DIR;
  const args = [join(ROOT, "scripts", "execute_notebook.py"), join(nbDir, nb), executed, html, summary, String(opts.cellTimeout ?? 600)];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(python, args, { cwd: nbDir, env: jupyterEnv(opts.env), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => { if (opts.verbose !== false) process.stdout.write(d); });
    child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    child.on("error", reject);
    child.on("close", () => {
      if (!existsSync(summary)) {
        reject(new Error(`notebook ${nb}: the executor stopped without a summary.\n${stderr.slice(-4000)}`));
        return;
      }
      const s = JSON.parse(readFileSync(summary, "utf8"));
      resolvePromise({
        notebook: nb, status: s.status, seconds: s.seconds, cells: s.cells,
        failedCell: s.failed_cell, error: s.error, records: s.records, html,
      });
    });
  });
}

/**
 * Runs the selected notebooks one after another (each in a fresh kernel) and writes the reports.
 * Throws when Jupyter is missing, with the exact command that installs it.
 */
export async function runNotebooks(opts: RunOptions = {}): Promise<NotebookResult[]> {
  const python = findPython();
  if (!python) throw new Error(`Jupyter (nbclient + nbconvert) is not installed. Run:\n  ${jupyterInstallHint()}\nor \`npm run setup\`.`);
  ensureKernelspec();
  const outDir = opts.outDir ?? join(ROOT, "reports");
  mkdirSync(join(outDir, "executed"), { recursive: true });
  const notebooks = listNotebooks(opts.filters, opts.notebookDir);
  if (notebooks.length === 0) throw new Error(`no notebook in ${opts.notebookDir ?? NOTEBOOK_DIR} matches ${JSON.stringify(opts.filters)}`);
  const results: NotebookResult[] = [];
  for (const [i, nb] of notebooks.entries()) {
    if (opts.verbose !== false) console.log(`[${i + 1}/${notebooks.length}] ${nb}`);
    const r = await runOne(python, nb, outDir, opts);
    results.push(r);
    if (opts.verbose !== false) {
      console.log(`  ${r.status === "ok" ? "ok" : "FAILED"} in ${r.seconds.toFixed(1)} s → ${r.html}`);
      if (r.status === "failed") {
        console.log(`  failing cell #${r.failedCell?.number ?? "?"}:\n${indent(r.failedCell?.source ?? "", 4)}`);
        console.log(`  error:\n${indent(r.error ?? "", 4)}`);
      }
    }
    writeIndex(outDir, results, notebooks);
  }
  return results;
}

const indent = (s: string, n: number) => s.split("\n").map((l) => " ".repeat(n) + l).join("\n");
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function formatValue(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-US") : String(Number(v.toPrecision(4)));
  return JSON.stringify(v);
}

/** Writes `index.html`: one row per notebook with status, duration and recorded key results. */
export function writeIndex(outDir: string, results: NotebookResult[], planned: string[] = []): void {
  const rows = planned.map((nb) => {
    const r = results.find((x) => x.notebook === nb);
    if (!r) return `<tr><td>${esc(nb)}</td><td>pending</td><td></td><td></td></tr>`;
    const link = `<a href="${esc(basename(r.html))}">${esc(nb)}</a>`;
    const status = r.status === "ok" ? `<span class="ok">ok</span>` : `<span class="failed">failed</span> at cell ${r.failedCell?.number ?? "?"}<pre>${esc((r.error ?? "").slice(0, 2000))}</pre>`;
    const recs = Object.entries(r.records).map(([k, v]) => `<code>${esc(k)}</code> = ${esc(formatValue(v))}`).join("<br>");
    return `<tr><td>${link}</td><td>${status}</td><td>${r.seconds.toFixed(1)} s</td><td>${recs}</td></tr>`;
  });
  const total = results.reduce((s, r) => s + r.seconds, 0);
  const env = ["DATASET", "SEED", "SAMPLE_USERS", "DATA_DIR"].map((k) => `${k}=${esc(process.env[k] ?? "(default)")}`).join(" · ");
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Workbook reports</title><style>
body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:6px;vertical-align:top;text-align:left}.ok{color:#1a7f37}.failed{color:#cf222e}
pre{white-space:pre-wrap;font-size:12px}</style></head><body>
<h1>Workbook reports</h1><p>${results.length}/${planned.length} notebooks run in ${total.toFixed(1)} s. Parameters: ${env}.</p>
<table><thead><tr><th>notebook</th><th>status</th><th>duration</th><th>key results</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></body></html>\n`;
  writeFileSync(join(outDir, "index.html"), html);
}
