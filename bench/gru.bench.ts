/**
 * `npm run bench -- gru [--epochs 3] [--cpu-windows 250]`: seconds per training epoch of the GRU
 * forecaster (2,000 windows of 48 steps, 32 units, head of 24 steps; batch 32, the default, and
 * 128) on the active TensorFlow.js backend (what `initTf()` picks: wasm here) and on the pure-JS
 * `cpu` backend (batch 32) for comparison. Small batches are dominated by per-op dispatch (the
 * GRU runs ~60 kernels per time step), so the batch size matters as much as the backend. The cpu case trains on fewer windows (it is ~40× slower) and its per-epoch time is
 * scaled to 2,000 windows (time per window is flat in the window count). The first epoch (graph
 * tracing, wasm warm-up) is not timed. Last output: one JSON line per case.
 */
import { fitGruForecaster, disposeGruForecaster } from "../src/models/gru/gru-forecaster";
import { initTf } from "../src/runtime/tf-backend";
import type { BackendName } from "../src/runtime/backend-name";
import { createRng } from "../src/util/rng";
import { median, peakRssMb, printCases, round, type BenchCase } from "./lib/measure";

const WINDOW = 48;
const H = 24;
const UNITS = 32;
const WINDOWS = 2000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer, got ${process.argv[i + 1]}`);
  return v;
}

/** Hourly-like series: daily cycle + weekly modulation + noise, long enough for `windows` windows. */
function series(windows: number): Float64Array {
  const rng = createRng(42);
  const n = windows + WINDOW + H - 1;
  return Float64Array.from({ length: n }, (_, t) => 20 + 8 * Math.sin((2 * Math.PI * t) / 24) + 3 * Math.sin((2 * Math.PI * t) / 168) + rng.normal());
}

async function measure(backend: BackendName | undefined, windows: number, epochs: number, batch: number): Promise<BenchCase> {
  const rt = await initTf(backend ? { backend } : {});
  const y = series(windows);
  const stamps: number[] = [];
  const t0 = process.hrtime.bigint();
  stamps.push(0);
  const m = await fitGruForecaster(y, {
    window: WINDOW,
    h: H,
    units: UNITS,
    batchSize: batch,
    epochs: epochs + 1,
    validation: 0,
    onEpoch: (log) => {
      stamps.push(Number(process.hrtime.bigint() - t0) / 1e9);
      console.log(`  ${rt.backend} batch ${batch}: epoch ${log.epoch} loss ${log.loss.toFixed(4)} at ${stamps[stamps.length - 1].toFixed(2)} s`);
    },
  });
  disposeGruForecaster(m);
  const perEpoch = stamps.slice(2).map((s, i) => s - stamps[i + 1]); // epochs 2..epochs+1
  const seconds = median(perEpoch);
  const perWindow = seconds / windows;
  return {
    case: `gru-forecaster window ${WINDOW} units ${UNITS} h ${H} batch ${batch}`,
    backend: rt.backend,
    windows: WINDOWS,
    windows_measured: windows,
    epochs_timed: perEpoch.length,
    seconds_per_epoch: round(perWindow * WINDOWS, 3),
    windows_per_second: round(1 / perWindow, 1),
    peak_rss_mb: peakRssMb(),
  };
}

async function main(): Promise<void> {
  const epochs = arg("epochs", 3);
  const cpuWindows = arg("cpu-windows", 250);
  console.log(`GRU forecaster training: ${WINDOWS} windows of ${WINDOW} steps, ${UNITS} units, ${epochs} timed epochs`);
  const cases: BenchCase[] = [];
  const active = await measure(undefined, WINDOWS, epochs, 32);
  cases.push(active, await measure(undefined, WINDOWS, epochs, 128));
  if (active.backend !== "cpu") {
    const cpu = await measure("cpu", cpuWindows, Math.min(epochs, 2), 32);
    cpu.ratio_to_active = round((cpu.seconds_per_epoch as number) / (active.seconds_per_epoch as number), 1);
    cases.push(cpu);
  }
  printCases(cases);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
