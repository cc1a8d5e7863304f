import type pl from "nodejs-polars";
import { COL } from "../schema";
import type { CleanResult } from "./clean-report";
import { boolSeries, denseCodes, requireColumns } from "./frame-access";
import type { NotedCleanStep } from "./noted-step";

/** Options of {@link kCore}. */
export interface KCoreOptions {
  /** Minimum events per user, an integer ≥ 1. Default `5`. */
  kUser?: number;
  /** Minimum events per item, an integer ≥ 1. Default `5`. */
  kItem?: number;
  /** Column names. Default: `COL.user`, `COL.item`. */
  cols?: { user?: string; item?: string };
}

const defaults = {
  kUser: 5,
  kItem: 5,
  cols: { user: COL.user, item: COL.item },
};

/** The result of {@link kCore}: also the number of filtering rounds. */
export interface KCoreResult extends CleanResult {
  /** Rounds that removed rows (0 when the input already is a k-core). */
  iterations: number;
}

/**
 * Iterative k-core filtering: repeatedly removes every row whose user has fewer than `kUser`
 * events or whose item has fewer than `kItem` events (counted on the rows still present), until
 * every remaining user has ≥ `kUser` and every item ≥ `kItem` events. Counts are events
 * (rows), so repeated interactions count; deduplicate first to count distinct pairs.
 *
 * Each round removes, at once, the rows of all users and items below threshold at the start
 * of the round, exactly like the naive loop "count, filter, repeat"; `iterations` counts those
 * rounds. The work is O(rows) in total (each row is removed once, through per-user and
 * per-item row lists), not O(rows · rounds). Input order is preserved.
 *
 * Report reason: `below_k_core` (note: the number of iterations).
 *
 * @param df event frame.
 * @param options see {@link KCoreOptions}.
 * @returns the k-core frame, the report and `iterations`.
 * @example
 * ```ts
 * const { frame, iterations } = kCore(events, { kUser: 10, kItem: 10 });
 * ```
 */
export function kCore(df: pl.DataFrame, options: KCoreOptions = {}): KCoreResult {
  const kUser = options.kUser ?? defaults.kUser;
  const kItem = options.kItem ?? defaults.kItem;
  const cols = { ...defaults.cols, ...options.cols };
  for (const [name, k] of [["kUser", kUser], ["kItem", kItem]] as const) {
    if (!(Number.isInteger(k) && k >= 1)) throw new Error(`${name} must be an integer >= 1, got ${k}`);
  }
  requireColumns(df, [cols.user, cols.item], "kCore");
  const { alive, iterations } = _kCore(denseCodes(df, cols.user), denseCodes(df, cols.item), kUser, kItem);
  let kept = 0;
  for (let i = 0; i < alive.length; i++) kept += alive[i];
  const frame = kept === df.height ? df : df.filter(boolSeries("keep", alive));
  const step: NotedCleanStep = {
    step: "kCore",
    reason: "below_k_core",
    rowsIn: df.height,
    rowsOut: frame.height,
    valuesChanged: 0,
    note: `kUser=${kUser}, kItem=${kItem}, ${iterations} iteration(s)`,
  };
  return { frame, report: [step], iterations };
}

interface Codes {
  codes: Uint32Array;
  n: number;
}

/** Row lists per code in CSR form: rows of code c are `rows[start[c] .. start[c+1])`. */
function csr({ codes, n }: Codes): { start: Uint32Array; rows: Uint32Array; count: Int32Array } {
  const count = new Int32Array(n);
  for (let i = 0; i < codes.length; i++) count[codes[i]]++;
  const start = new Uint32Array(n + 1);
  for (let c = 0; c < n; c++) start[c + 1] = start[c] + count[c];
  const fill = start.slice(0, n);
  const rows = new Uint32Array(codes.length);
  for (let i = 0; i < codes.length; i++) rows[fill[codes[i]]++] = i;
  return { start, rows, count };
}

/** The peeling kernel on integer codes; returns the alive mask (1 = kept) and the rounds. */
function _kCore(user: Codes, item: Codes, kUser: number, kItem: number): { alive: Uint8Array; iterations: number } {
  const m = user.codes.length;
  const alive = new Uint8Array(m).fill(1);
  const U = csr(user);
  const I = csr(item);
  // candidates: codes whose count changed since they were last checked (all, at first)
  let candU: number[] = Array.from({ length: user.n }, (_, i) => i);
  let candI: number[] = Array.from({ length: item.n }, (_, i) => i);
  const markU = new Uint8Array(user.n);
  const markI = new Uint8Array(item.n);
  let iterations = 0;
  for (;;) {
    const badU = candU.filter((u) => U.count[u] > 0 && U.count[u] < kUser);
    const badI = candI.filter((i) => I.count[i] > 0 && I.count[i] < kItem);
    if (badU.length === 0 && badI.length === 0) break;
    iterations++;
    const nextU: number[] = [];
    const nextI: number[] = [];
    const kill = (r: number): void => {
      if (!alive[r]) return;
      alive[r] = 0;
      const u = user.codes[r];
      const i = item.codes[r];
      U.count[u]--;
      I.count[i]--;
      if (!markU[u]) {
        markU[u] = 1;
        nextU.push(u);
      }
      if (!markI[i]) {
        markI[i] = 1;
        nextI.push(i);
      }
    };
    for (const u of badU) for (let p = U.start[u]; p < U.start[u + 1]; p++) kill(U.rows[p]);
    for (const i of badI) for (let p = I.start[i]; p < I.start[i + 1]; p++) kill(I.rows[p]);
    for (const u of nextU) markU[u] = 0;
    for (const i of nextI) markI[i] = 0;
    candU = nextU;
    candI = nextI;
  }
  return { alive, iterations };
}
