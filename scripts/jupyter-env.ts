/**
 * Finds the Python that has Jupyter's nbclient/nbconvert and writes the project-local tslab
 * kernelspec. Nothing global is touched: Jupyter finds the kernel through
 * `JUPYTER_PATH=<project>/.jupyter`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..");
export const JUPYTER_DIR = join(ROOT, ".jupyter");

/** The exact command that installs what the notebook runner needs, for this machine. */
export function jupyterInstallHint(): string {
  const apt = existsSync("/usr/bin/apt-get");
  const sudo = process.getuid && process.getuid() !== 0 ? "sudo " : "";
  return apt
    ? `${sudo}apt-get install -y --no-install-recommends jupyter-nbconvert jupyter-notebook python3-nbclient`
    : "python3 -m pip install --user nbclient nbconvert notebook";
}

/** A Python interpreter that can import nbclient and nbconvert, or null. */
export function findPython(): string | null {
  const candidates = [process.env.PYTHON, "/usr/bin/python3", "python3", "python"].filter(Boolean) as string[];
  for (const py of candidates) {
    const r = spawnSync(py, ["-c", "import nbclient, nbconvert, nbformat"], { stdio: "ignore" });
    if (r.status === 0) return py;
  }
  return null;
}

/** Writes `.jupyter/kernels/tslab/kernel.json` pointing at the project's own tslab; returns its path. */
export function ensureKernelspec(): string {
  const tslab = join(ROOT, "node_modules", ".bin", "tslab");
  if (!existsSync(tslab)) throw new Error(`tslab is not installed at ${tslab}; run \`npm install\` first.`);
  const dir = join(JUPYTER_DIR, "kernels", "tslab");
  const file = join(dir, "kernel.json");
  const spec = JSON.stringify(
    {
      argv: [tslab, "kernel", "--config-path", "{connection_file}"],
      display_name: "TypeScript (tslab, project)",
      language: "typescript",
      env: { TSLAB_ROOT_DIR: ROOT },
    },
    null,
    2,
  ) + "\n";
  if (!existsSync(file) || readFileSync(file, "utf8") !== spec) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, spec);
  }
  return file;
}

/** Environment for Jupyter processes: the project-local kernelspec first. */
export function jupyterEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const path = process.env.JUPYTER_PATH ? `${JUPYTER_DIR}:${process.env.JUPYTER_PATH}` : JUPYTER_DIR;
  return { ...process.env, JUPYTER_PATH: path, ...extra };
}
