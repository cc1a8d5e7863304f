/**
 * `npm run bench -- load`: loads and cleans each dataset it finds (the embedded sample and the
 * shared real datasets under DATA_DIR), printing counts and rows per second.
 * Target: load + clean of Gowalla NYC under 1 s on the 2-core machine.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  cleanPipeline, datasetWindow, defaultCleaning, defaultDataDir, loadDataset, localTimeSource, summarizeCleaning,
} from "../src";
import { median, peakRssMb, printCases, round, type BenchCase } from "./lib/measure";

const dataDir = defaultDataDir();
const datasets: { name: string; folder: string | null }[] = [
  { name: "sample", folder: null },
  { name: "movielens-100k", folder: "movielens_100k" },
  { name: "gowalla-nyc", folder: "gowalla_snap_nyc" },
  { name: "foursquare-nyc", folder: "foursquare_tist2015_nyc_subset" },
  { name: "taobao", folder: "taobao" },
];
const repeats = Number(process.env.REPEATS ?? 5);
const cases: BenchCase[] = [];

for (const { name, folder } of datasets) {
  if (folder && !existsSync(join(dataDir, folder))) {
    console.log(`${name}: skipped (${join(dataDir, folder)} not found; set DATA_DIR)`);
    continue;
  }
  const loadTimes: number[] = [];
  const cleanTimes: number[] = [];
  let rowsRead = 0, rowsKept = 0, rowsClean = 0, users = 0;
  for (let i = 0; i <= repeats; i++) {
    const t0 = process.hrtime.bigint();
    const { frame, report } = loadDataset(name, { dataDir });
    const t1 = process.hrtime.bigint();
    const steps = defaultCleaning({ window: datasetWindow(name, { dataDir }), localTime: localTimeSource(name, frame) });
    const cleaned = cleanPipeline(frame, steps);
    const t2 = process.hrtime.bigint();
    if (i === 0) {
      console.log(`${name}: ${report.rowsRead} read, ${report.rowsKept} kept; cleaning dropped ${JSON.stringify(summarizeCleaning(cleaned.report).dropped)}`);
      continue; // first run warms up the native module and the JIT
    }
    loadTimes.push(Number(t1 - t0) / 1e9);
    cleanTimes.push(Number(t2 - t1) / 1e9);
    rowsRead = report.rowsRead; rowsKept = report.rowsKept; rowsClean = cleaned.frame.height;
    users = cleaned.frame.getColumn("user").nUnique();
  }
  const load = median(loadTimes), clean = median(cleanTimes);
  cases.push({
    case: `load+clean ${name}`, dataset: name, rows_read: rowsRead, rows_kept: rowsKept, rows_clean: rowsClean, users_clean: users,
    load_seconds: round(load, 4), clean_seconds: round(clean, 4), total_seconds: round(load + clean, 4),
    rows_per_second: Math.round(rowsRead / (load + clean)), peak_mb: peakRssMb(),
  });
}
printCases(cases);
