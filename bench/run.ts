/**
 * `npm run bench -- <name> [args]`: runs `bench/<name>.bench.ts`. Every benchmark prints
 * human-readable progress first and, as its last output, one JSON object per line per
 * measured case (name, figures, and a peer's figure with the ratio where one is compared).
 * Without a name it lists the benchmarks.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = __dirname;
const available = readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).map((f) => f.replace(/\.bench\.ts$/, "")).sort();
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.log(`usage: npm run bench -- <name>\navailable: ${available.join(", ")}`);
  process.exit(name ? 1 : 0);
}
const tsx = join(dir, "..", "node_modules", "tsx", "dist", "cli.mjs");
const r = spawnSync(process.execPath, ["--expose-gc", tsx, join(dir, `${name}.bench.ts`), ...args], { stdio: "inherit" });
process.exit(r.status ?? 1);
