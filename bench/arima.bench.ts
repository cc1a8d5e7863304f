/**
 * `npm run bench -- arima`: automatic ARIMA selection on AirPassengers (monthly, period 12,
 * exact ML search) and on the Gowalla NYC daily check-ins (period 7, CSS-approximated search
 * then ML refit), side by side with R's `forecast::auto.arima` run in the same session.
 *
 * R is run through `Rscript` when it is on the PATH; when it is missing and we run as root,
 * `apt-get install r-base-core r-cran-forecast` is tried once; otherwise the R columns are null.
 * Both sides time the fit only (data already in memory, one warm-up run, median of REPEATS runs,
 * default 5). Last output: one JSON line per case with
 * {case, model, aicc, seconds, r_model, r_aicc, r_seconds, ratio}, ratio = r_seconds / seconds
 * (> 1: faster than R). Target: the same models as R, and faster.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { autoArima } from "../src/timeseries/auto-arima";
import { printCases, round, timeIt, type BenchCase } from "./lib/measure";

const root = resolve(__dirname, "..");
const dataDir = resolve(process.env.DATA_DIR?.trim() || join(root, "..", "shared", "data"));
const referenceDir = resolve(process.env.REFERENCE_DIR?.trim() || join(root, "..", "shared", "reference"));
const repeats = Number(process.env.REPEATS ?? 5);

const cases = [
  { name: "autoArima AirPassengers (m=12)", file: join(dataDir, "airpassengers", "AirPassengers.csv"), period: 12 },
  { name: "autoArima Gowalla NYC daily (m=7)", file: join(referenceDir, "gowalla_nyc_daily_checkins.csv"), period: 7 },
];

function readSecondColumn(file: string): number[] {
  return readFileSync(file, "utf8").trim().split(/\r?\n/).slice(1).map((l) => Number(l.split(",")[1].replace(/"/g, "")));
}

function haveRscript(): boolean {
  return spawnSync("Rscript", ["-e", "suppressMessages(library(forecast))"], { stdio: "ignore" }).status === 0;
}

function ensureR(): boolean {
  if (haveRscript()) return true;
  if (typeof process.getuid === "function" && process.getuid() === 0) {
    console.log("R or forecast missing: trying apt-get install -y --no-install-recommends r-base-core r-cran-forecast (a few minutes) …");
    spawnSync("apt-get", ["update"], { stdio: "ignore" });
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "r-base-core", "r-cran-forecast"], { stdio: "ignore" });
    if (haveRscript()) return true;
  }
  console.log("R is missing (Rscript with package forecast not found): R columns are null");
  return false;
}

const R_CODE = `
suppressMessages(library(forecast))
a <- commandArgs(trailingOnly = TRUE); reps <- as.integer(a[3])
x <- ts(read.csv(a[1])[[2]], frequency = as.numeric(a[2]))
fit <- auto.arima(x)
t <- sapply(seq_len(reps), function(i) system.time(fit <<- auto.arima(x))[["elapsed"]])
cat(sprintf('{"model":"%s","aicc":%.6f,"seconds":%.6f}\\n', trimws(forecast:::arima.string(fit)), fit$aicc, median(t)))
`;

function runR(file: string, period: number): { model: string; aicc: number; seconds: number } | null {
  const r = spawnSync("Rscript", ["-e", R_CODE, file, String(period), String(repeats)], { encoding: "utf8" });
  const line = (r.stdout ?? "").trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line);
  } catch {
    console.log(`R run failed: ${(r.stderr ?? "").trim().split("\n").slice(-3).join(" | ")}`);
    return null;
  }
}

const out: BenchCase[] = [];
const withR = cases.some((c) => existsSync(c.file)) && ensureR();
for (const c of cases) {
  if (!existsSync(c.file)) {
    console.log(`${c.name}: skipped (${c.file} not found; set DATA_DIR / REFERENCE_DIR)`);
    continue;
  }
  const y = readSecondColumn(c.file);
  const { seconds, result } = timeIt(() => autoArima(y, { period: c.period }), repeats);
  console.log(`${c.name}: ${result.description}, AICc ${result.aicc.toFixed(2)}, ${result.searched.length} models scored, ${(seconds * 1000).toFixed(0)} ms (median of ${repeats})`);
  const r = withR ? runR(c.file, c.period) : null;
  if (r) console.log(`  R forecast::auto.arima: ${r.model}, AICc ${r.aicc.toFixed(2)}, ${(r.seconds * 1000).toFixed(0)} ms`);
  out.push({
    case: c.name,
    model: result.description,
    aicc: round(result.aicc, 3),
    seconds: round(seconds, 4),
    r_model: r ? r.model : null,
    r_aicc: r ? round(r.aicc, 3) : null,
    r_seconds: r ? round(r.seconds, 4) : null,
    ratio: r ? round(r.seconds / seconds, 2) : null,
  });
}
console.log("ratio = R seconds / our seconds (> 1: faster than R)");
printCases(out);
