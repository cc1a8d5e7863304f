import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { GroundTruth } from "./truth";

/**
 * Reads the ground truth written beside the embedded sample (`data/sample/ground-truth.json`):
 * every planted pattern with its parameters and realised strength, so notebooks and tests can
 * compare what an analysis recovers with what was planted.
 *
 * @param sampleDir folder of the sample. Default `<project>/data/sample`.
 * @example
 * ```ts
 * const truth = readGroundTruth();
 * truth.anomalies.map((a) => a.date); // ["2024-04-08", "2024-04-16", …]
 * ```
 */
export function readGroundTruth(sampleDir: string = join(__dirname, "..", "..", "data", "sample")): GroundTruth {
  const file = join(sampleDir, "ground-truth.json");
  if (!existsSync(file)) throw new Error(`ground truth not found: ${file} (regenerate with \`npx tsx scripts/generate-sample.ts\`)`);
  return JSON.parse(readFileSync(file, "utf8")) as GroundTruth;
}
