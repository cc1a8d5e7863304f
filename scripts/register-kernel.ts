/**
 * Writes a project-local Jupyter kernelspec for tslab under `.jupyter/kernels/tslab/`.
 * Nothing global is touched: Jupyter finds it through `JUPYTER_PATH=<project>/.jupyter`,
 * which `npm start`, `npm run lab` and the notebook tests set.
 */
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const tslab = join(root, "node_modules", ".bin", "tslab");
if (!existsSync(tslab)) {
  console.error(`tslab is not installed at ${tslab}; run \`npm install\` first.`);
  process.exit(1);
}
const dir = join(root, ".jupyter", "kernels", "tslab");
mkdirSync(dir, { recursive: true });
const spec = {
  argv: [tslab, "kernel", "--config-path", "{connection_file}"],
  display_name: "TypeScript (tslab, project)",
  language: "typescript",
  env: { TSLAB_ROOT_DIR: root },
};
writeFileSync(join(dir, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
console.log(`kernelspec written: ${join(dir, "kernel.json")}`);
