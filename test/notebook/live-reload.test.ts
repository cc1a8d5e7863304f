import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureKernelspec, findPython, jupyterEnv } from "../../scripts/jupyter-env";

const root = resolve(__dirname, "..", "..");
const probe = join(root, "test", "fixtures", "reload-probe.ts");
afterAll(() => rmSync(probe, { force: true }));

describe("interactive use in a live tslab kernel", () => {
  it("imports ../src-style files from notebooks/ and picks up an edit when the import cell is re-run", () => {
    const python = findPython();
    if (!python) throw new Error("Jupyter is required: run `npm run setup`");
    ensureKernelspec();
    const steps = [
      { write: probe, content: "export const answer = (): number => 1;\n" },
      { code: 'import { answer } from "../test/fixtures/reload-probe";\nanswer()' },
      { write: probe, content: "export const answer = (): number => 2;\n" },
      { code: 'import { answer } from "../test/fixtures/reload-probe";\nanswer()' },
    ];
    const stepsFile = join(root, "test", "fixtures", "reload-steps.json");
    writeFileSync(stepsFile, JSON.stringify(steps));
    try {
      const r = spawnSync(python, [join(root, "test", "helpers", "kernel_session.py"), join(root, "notebooks"), stepsFile], {
        env: jupyterEnv(), encoding: "utf8", timeout: 120_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const outputs = JSON.parse(r.stdout) as { text: string; error: string | null }[];
      expect(outputs.map((o) => o.error)).toEqual([null, null]);
      expect(outputs.map((o) => o.text.trim())).toEqual(["1", "2"]);
    } finally {
      rmSync(stepsFile, { force: true });
    }
  });
});
