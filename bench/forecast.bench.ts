/**
 * `npm run bench -- forecast`: rolling-origin comparison of seasonal naive, auto-ARIMA and the GRU
 * on the daily series of the embedded sample (local days) and of Gowalla NYC (UTC days, as the
 * reference series in ../shared/reference), horizon 14 days, 3 origins 7 days apart.
 * Prints MAE, RMSE, sMAPE and MASE per forecaster and the seconds each took.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  autoArimaForecaster, defaultDataDir, eventSeries, gruForecaster, initTf, loadDataset, prepareEvents, readParams,
  rollingOrigin, seasonalNaiveForecaster, seriesValues, type Forecaster,
} from "../src";
import { printCases, round, type BenchCase } from "./lib/measure";

async function main(): Promise<void> {
  const tf = await initTf();
  const series: { name: string; values: Float64Array }[] = [];
  const { events } = prepareEvents(readParams({}));
  series.push({ name: "sample (local days)", values: seriesValues(eventSeries(events, { freq: "day", local: true })).values });
  const dataDir = defaultDataDir();
  if (existsSync(join(dataDir, "gowalla_snap_nyc"))) {
    const { frame } = loadDataset("gowalla-nyc", { dataDir });
    series.push({ name: "gowalla-nyc (UTC days)", values: seriesValues(eventSeries(frame, { freq: "day", local: false })).values });
  } else console.log(`gowalla-nyc skipped: ${dataDir} has no gowalla_snap_nyc`);

  const cases: BenchCase[] = [];
  for (const s of series) {
    const timed = (name: string, f: Forecaster): Forecaster => async (train, h) => {
      const t0 = process.hrtime.bigint();
      const out = await f(train, h);
      seconds[name] = (seconds[name] ?? 0) + Number(process.hrtime.bigint() - t0) / 1e9;
      return out;
    };
    const seconds: Record<string, number> = {};
    const r = await rollingOrigin(s.values, {
      h: 14, origins: 3, step: 7, period: 7,
      forecasters: {
        "seasonal naive": timed("seasonal naive", seasonalNaiveForecaster({ period: 7 })),
        "auto-ARIMA": timed("auto-ARIMA", autoArimaForecaster({ period: 7 })),
        GRU: timed("GRU", gruForecaster({ window: 28, units: 32, epochs: 40, patience: 6, seed: 42 })),
      },
    });
    console.log(`${s.name}: ${s.values.length} days`);
    for (const row of r.summary.toRecords() as Record<string, number | string>[]) {
      cases.push({
        case: `rolling-origin ${s.name} ${row.forecaster}`, series: s.name, forecaster: String(row.forecaster), backend: tf.backend,
        mae: round(Number(row.mae), 2), rmse: round(Number(row.rmse), 2), smape: round(Number(row.smape), 2), mase: round(Number(row.mase), 3),
        seconds: round(seconds[String(row.forecaster)] ?? 0, 3),
      });
    }
  }
  printCases(cases);
}

main().catch((e) => { console.error(e); process.exit(1); });
