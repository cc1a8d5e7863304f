/** `npm run nb:clear`: removes outputs and execution counts from notebooks/*.ipynb (commit them clean). */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = join(__dirname, "..", "notebooks");
for (const f of readdirSync(dir).filter((x) => x.endsWith(".ipynb"))) {
  const path = join(dir, f);
  const nb = JSON.parse(readFileSync(path, "utf8"));
  for (const cell of nb.cells) {
    if (cell.cell_type === "code") {
      cell.outputs = [];
      cell.execution_count = null;
    }
  }
  const out = JSON.stringify(nb, null, 1) + "\n";
  if (out !== readFileSync(path, "utf8")) {
    writeFileSync(path, out);
    console.log(`cleared ${f}`);
  }
}
