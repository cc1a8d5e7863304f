import { existsSync, readFileSync } from "node:fs";
import pl from "nodejs-polars";
import { DataError } from "../util/data-error";

/**
 * One results file for {@link readTrainingCurves}: a display name and the path of a JSON
 * written by `scripts/train-lightgcn.ts` or `scripts/train-bpr-gowalla.ts`.
 *
 * @example
 * ```ts
 * const run: TrainingRun = { run: "LightGCN", path: "bench/results/lightgcn-gowalla.json" };
 * ```
 */
export interface TrainingRun {
  run: string;
  path: string;
}

/**
 * Reads the evaluated epochs of training-curve files into one long frame with columns
 * `run`, `epoch` and one Float64 column per metric (rows without the metrics, i.e. epochs that
 * were not evaluated, are left out). A file that does not exist is skipped and named in
 * `missing`, so a notebook can show whatever results are committed.
 *
 * @param runs the files, in legend order.
 * @param metrics the curve keys to read. Default `["recall@20", "ndcg@20"]`.
 * @throws DataError naming the file when it is not JSON, has no `curve` array, or a curve row
 *   has a non-numeric epoch or metric.
 * @example
 * ```ts
 * const { frame, missing } = readTrainingCurves([{ run: "LightGCN", path: "bench/results/lightgcn-gowalla.json" }]);
 * show(trainingCurvesFigure(frame, { metric: "recall@20", reference: 0.1824 }));
 * ```
 */
export function readTrainingCurves(runs: readonly TrainingRun[], metrics: readonly string[] = ["recall@20", "ndcg@20"]): { frame: pl.DataFrame; missing: string[] } {
  const cols: Record<string, (string | number)[]> = { run: [], epoch: [] };
  for (const m of metrics) cols[m] = [];
  const missing: string[] = [];
  for (const { run, path } of runs) {
    if (!existsSync(path)) {
      missing.push(path);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, "utf8"));
    } catch (e) {
      throw new DataError(`${path}: not valid JSON (${(e as Error).message})`);
    }
    const curve = (parsed as { curve?: unknown }).curve;
    if (!Array.isArray(curve)) throw new DataError(`${path}: no "curve" array`);
    curve.forEach((row: Record<string, unknown>, i) => {
      if (metrics.every((m) => row[m] === undefined)) return;
      for (const key of ["epoch", ...metrics]) {
        const v = row[key];
        if (typeof v !== "number" || !Number.isFinite(v)) throw new DataError(`${path}: curve[${i}].${key} is ${JSON.stringify(v)}, expected a finite number`);
      }
      cols.run.push(run);
      cols.epoch.push(row.epoch as number);
      for (const m of metrics) cols[m].push(row[m] as number);
    });
  }
  const series: pl.Series[] = [pl.Series("run", cols.run as string[], pl.Utf8), pl.Series("epoch", cols.epoch as number[], pl.Int32)];
  for (const m of metrics) series.push(pl.Series(m, cols[m] as number[], pl.Float64));
  return { frame: pl.DataFrame(series), missing };
}
