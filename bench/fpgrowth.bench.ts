/**
 * `npm run bench -- fpgrowth [retail|T10I4D100K] [0.01|0.005|0.001]`: frequent itemsets on the
 * FIMI retail and T10I4D100K files at 1 %, 0.5 % and 0.1 % minimum support, ours (fpGrowthRaw)
 * side by side with node-fpgrowth 1.2.1 in the same run.
 *
 * Every case runs in a fresh child process per implementation, so `peak_mb` is that
 * process's peak resident memory, Node itself included: `baseline_mb` is a child that only
 * starts, `lib_baseline_mb` one that loads our library (Polars included) and mines nothing.
 * Each child runs rounds of "read the file, then mine", with a `gc()` before each round. The
 * first, cold round (code not yet optimised by the JIT: what a one-off script sees) is
 * `cold_seconds_with_read`, timed end to end; then come untimed warm-up rounds while less than
 * 2 s have passed (at most 5: the JIT needs a few runs of a 0.1 s job, none of a 5 s one), the
 * same rule for both implementations; then 3 timed rounds, whose medians are `seconds`,
 * mining only (the file already parsed: our `Transactions` encoding, the peer's
 * `number[][]`), and `seconds_with_read`, reading and parsing included (warm rounds also run
 * a `gc()` between reading and mining, untimed, so that mining is not charged for the
 * garbage of reading). `frame_seconds` is the extra time to turn
 * our raw result into the Polars frame `fpGrowth` returns. `speedup` = peer_seconds / seconds.
 * node-fpgrowth is not a project dependency: it is installed on first use into
 * node_modules/.cache/bench-peers and required from there.
 * Data: `$DATA_DIR/fimi` (default `<project>/../shared/data`); without it the benchmark skips.
 */
import { execSync, spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import type { FrequentItemsets } from "../src/patterns/itemset-sink";
import { median, peakRssMb, printCases, round, timeIt, type BenchCase } from "./lib/measure";

const ROOT = resolve(__dirname, "..");
const DATA_DIR = resolve(process.env.DATA_DIR?.trim() || join(ROOT, "..", "shared", "data"));
const PEER_DIR = join(ROOT, "node_modules", ".cache", "bench-peers");
const PEER = join(PEER_DIR, "node_modules", "node-fpgrowth");
const DATASETS = ["retail", "T10I4D100K"];
const SUPPORTS = [0.01, 0.005, 0.001];
const ROUNDS = 3;

interface ChildResult {
  itemsets: number;
  seconds: number;
  seconds_with_read: number;
  cold_seconds_with_read: number;
  frame_seconds: number | null;
  peak_mb: number;
}

interface PeerModule {
  FPGrowth: new (support: number) => { exec(tx: number[][]): Promise<Array<{ items: number[]; support: number }>> };
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Child: a cold round, warm-ups, then 3 timed rounds of read + mine; prints one JSON line. */
async function child(impl: string, dataset: string, minSupport: number): Promise<void> {
  const file = join(DATA_DIR, "fimi", `${dataset}.dat`);
  const mine: number[] = [];
  const total: number[] = [];
  let itemsets = 0;
  let frameSeconds: number | null = null;
  const idle = (): void => {
    console.log(JSON.stringify({ itemsets: 0, seconds: 0, seconds_with_read: 0, cold_seconds_with_read: 0, frame_seconds: null, peak_mb: peakRssMb() }));
  };
  if (impl === "baseline") return idle();
  // each child loads only what it measures (ours: the library, Polars included; the peer: itself)
  const peer = impl === "peer" ? (require(PEER) as PeerModule) : null;
  const lib = peer
    ? null
    : {
        ...(require("../src/patterns/read-fimi") as typeof import("../src/patterns/read-fimi")),
        ...(require("../src/patterns/fpgrowth") as typeof import("../src/patterns/fpgrowth")),
        ...(require("../src/patterns/itemsets-frame") as typeof import("../src/patterns/itemsets-frame")),
      };
  if (impl === "ours-idle") return idle();
  let last: FrequentItemsets | null = null;
  const now = (): number => Number(process.hrtime.bigint()) / 1e9;
  const start = now();
  let cold = 0;
  let warmups = 0;
  // round 0 is cold; then warm-up rounds (untimed) until 2 s have passed or 5 ran; then ROUNDS timed
  for (let r = 0; mine.length < ROUNDS; r++) {
    gc();
    const t0 = now();
    // read (and parse) the file
    const parsed = peer
      ? readFileSync(file, "utf8")
          .split("\n")
          .filter((line) => line.trim() !== "")
          .map((line) => line.trim().split(/\s+/).map(Number))
      : lib!.readFimi(file);
    const t1 = now();
    if (r > 0) gc(); // warm rounds: the garbage of reading is not charged to mining
    const t2 = now();
    if (peer) itemsets = (await new peer.FPGrowth(minSupport).exec(parsed as number[][])).length;
    else {
      last = lib!.fpGrowthRaw(parsed as Exclude<typeof parsed, number[][]>, { minSupport });
      itemsets = last.length;
    }
    const t3 = now();
    if (r === 0) cold = t3 - t0;
    else if (now() - start < 2 && warmups < 5) warmups++;
    else {
      mine.push(t3 - t2);
      total.push(t1 - t0 + (t3 - t2));
    }
  }
  const peak = peakRssMb();
  if (last && lib) {
    const raw = last;
    frameSeconds = timeIt(() => lib.itemsetsToFrame(raw), 3, false).seconds;
  }
  const out: ChildResult = {
    itemsets,
    seconds: median(mine),
    seconds_with_read: median(total),
    cold_seconds_with_read: cold,
    frame_seconds: frameSeconds,
    peak_mb: peak,
  };
  console.log(JSON.stringify(out));
}

/** Runs one child and parses its last line. */
function runChild(impl: string, dataset: string, minSupport: number): ChildResult | null {
  const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  const r = spawnSync(process.execPath, ["--expose-gc", tsx, __filename, "--child", impl, dataset, String(minSupport)], {
    encoding: "utf8",
    timeout: 600_000,
    maxBuffer: 1 << 24,
  });
  const lines = (r.stdout ?? "").trim().split("\n");
  try {
    return JSON.parse(lines[lines.length - 1]) as ChildResult;
  } catch {
    console.log(`  ${impl} ${dataset} @ ${minSupport}: failed (${r.status ?? r.signal}) ${(r.stderr ?? "").slice(-500)}`);
    return null;
  }
}

/** Installs node-fpgrowth 1.2.1 into the cache folder when missing; false when that fails. */
function ensurePeer(): boolean {
  if (existsSync(join(PEER, "package.json"))) return true;
  console.log("installing node-fpgrowth@1.2.1 into node_modules/.cache/bench-peers …");
  try {
    execSync(`npm install --prefix "${PEER_DIR}" --no-audit --no-fund --no-save node-fpgrowth@1.2.1`, { stdio: "inherit" });
  } catch {
    console.log("could not install node-fpgrowth: the peer columns will be null");
  }
  return existsSync(join(PEER, "package.json"));
}

function main(filters: string[]): void {
  if (!DATASETS.every((d) => existsSync(join(DATA_DIR, "fimi", `${d}.dat`)))) {
    console.log(`fpgrowth bench: skipped, FIMI files not found under ${join(DATA_DIR, "fimi")} (set DATA_DIR)`);
    return;
  }
  const hasPeer = ensurePeer();
  const baseline = runChild("baseline", DATASETS[0], 0.01);
  const libBaseline = runChild("ours-idle", DATASETS[0], 0.01);
  console.log(
    `baseline: a child that loads nothing peaks at ${baseline?.peak_mb ?? "?"} MB; ` +
      `one that loads our library (Polars included) and mines nothing at ${libBaseline?.peak_mb ?? "?"} MB`,
  );
  const cases: BenchCase[] = [];
  for (const dataset of DATASETS) {
    for (const minSupport of SUPPORTS) {
      if (filters.length && !filters.every((f) => f === dataset || Number(f) === minSupport)) continue;
      const ours = runChild("ours", dataset, minSupport);
      const peer = hasPeer ? runChild("peer", dataset, minSupport) : null;
      if (!ours) continue;
      const speedup = peer ? round(peer.seconds / ours.seconds, 1) : null;
      const speedupRead = peer ? round(peer.seconds_with_read / ours.seconds_with_read, 1) : null;
      console.log(
        `${dataset} @ ${minSupport * 100} %: ${ours.itemsets} itemsets, mining ${ours.seconds.toFixed(3)} s ` +
          `(with reading ${ours.seconds_with_read.toFixed(3)} s, cold ${ours.cold_seconds_with_read.toFixed(3)} s, ` +
          `frame +${ours.frame_seconds?.toFixed(3)} s), peak ${ours.peak_mb} MB` +
          (peer
            ? ` | node-fpgrowth: ${peer.itemsets} itemsets, ${peer.seconds.toFixed(3)} s (with reading ${peer.seconds_with_read.toFixed(3)} s, ` +
              `cold ${peer.cold_seconds_with_read.toFixed(3)} s), peak ${peer.peak_mb} MB | speedup ${speedup}× (${speedupRead}× with reading)`
            : ""),
      );
      cases.push({
        case: `${dataset}@${minSupport}`,
        dataset,
        min_support: minSupport,
        itemsets: ours.itemsets,
        seconds: round(ours.seconds, 4),
        seconds_with_read: round(ours.seconds_with_read, 4),
        cold_seconds_with_read: round(ours.cold_seconds_with_read, 4),
        frame_seconds: ours.frame_seconds === null ? null : round(ours.frame_seconds, 4),
        peak_mb: ours.peak_mb,
        baseline_mb: baseline?.peak_mb ?? null,
        lib_baseline_mb: libBaseline?.peak_mb ?? null,
        peer: "node-fpgrowth@1.2.1",
        peer_itemsets: peer?.itemsets ?? null,
        peer_seconds: peer ? round(peer.seconds, 4) : null,
        peer_seconds_with_read: peer ? round(peer.seconds_with_read, 4) : null,
        peer_cold_seconds_with_read: peer ? round(peer.cold_seconds_with_read, 4) : null,
        peer_peak_mb: peer?.peak_mb ?? null,
        speedup,
        speedup_with_read: speedupRead,
      });
    }
  }
  printCases(cases);
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") {
  child(argv[1], argv[2], Number(argv[3])).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else main(argv);
