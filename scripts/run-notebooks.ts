/**
 * `npm start [-- PREFIX ...]`: executes the notebooks (all, or those whose names start with a
 * prefix) on the embedded default dataset, or on `DATASET`, into `reports/`.
 */
import { runNotebooks } from "./notebook-runner";

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const started = Date.now();
  const results = await runNotebooks({ filters });
  const failed = results.filter((r) => r.status !== "ok");
  console.log(`\n${results.length - failed.length}/${results.length} notebooks ok in ${((Date.now() - started) / 1000).toFixed(1)} s; open reports/index.html`);
  if (failed.length) {
    console.error(`failed: ${failed.map((r) => r.notebook).join(", ")}`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
