import pl from "nodejs-polars";
import { COL } from "../schema";
import type { CleanResult, CleanStep } from "./clean-report";
import { boolSeries, denseCodes, epochMs, requireColumns, requireDatetime } from "./frame-access";

/** Options of {@link dropDuplicates}. */
export interface DropDuplicatesOptions {
  /**
   * Columns that define an exact duplicate. Default `null`: all columns.
   */
  subset?: string[] | null;
  /**
   * Near-duplicate window in seconds: an event of the same user and item at most this many
   * seconds after the previous **kept** event of that (user, item) pair is dropped (the first
   * is kept). A chain 0 s, 40 s, 80 s with a 60 s window keeps 0 s and 80 s. Default `null`:
   * no near-duplicate pass. `0` drops events of a pair at the very same instant.
   */
  withinSeconds?: number | null;
  /** Column names. Default: `COL.user`, `COL.item`, `COL.ts`. */
  cols?: { user?: string; item?: string; ts?: string };
}

const defaults = {
  subset: null as string[] | null,
  withinSeconds: null as number | null,
  cols: { user: COL.user, item: COL.item, ts: COL.ts },
};

/**
 * Drops exact duplicate rows (all columns or a subset; the first occurrence is kept), then,
 * when `withinSeconds` is set, near duplicates: repeated events of the same user and item
 * within `withinSeconds` of the previous kept event of that pair (ties in time are kept in
 * input order, so the earlier row wins). Rows with a null user, item or timestamp are never
 * near duplicates. The input order of the kept rows is preserved.
 *
 * Report reasons: `exact_duplicate`, `near_duplicate` (the latter only when the pass runs).
 *
 * @param df event frame.
 * @param options see {@link DropDuplicatesOptions}.
 * @returns the frame without duplicates and one report row per pass.
 * @example
 * ```ts
 * const { frame, report } = dropDuplicates(events, { withinSeconds: 60 });
 * // report: [{ step: "dropDuplicates", reason: "exact_duplicate", rowsIn: 1000, rowsOut: 990, valuesChanged: 0 },
 * //          { step: "dropDuplicates", reason: "near_duplicate",  rowsIn: 990,  rowsOut: 975, valuesChanged: 0 }]
 * ```
 */
export function dropDuplicates(df: pl.DataFrame, options: DropDuplicatesOptions = {}): CleanResult {
  const subset = options.subset ?? defaults.subset;
  const within = options.withinSeconds ?? defaults.withinSeconds;
  const cols = { ...defaults.cols, ...options.cols };
  if (subset !== null) {
    if (subset.length === 0) throw new Error("subset must name at least one column (or be null for all columns)");
    requireColumns(df, subset, "dropDuplicates");
  }
  if (within !== null && !(within >= 0 && Number.isFinite(within))) {
    throw new Error(`withinSeconds must be a finite number >= 0 (or null), got ${within}`);
  }
  const report: CleanStep[] = [];
  const exact = df.unique({ subset: subset ?? undefined, keep: "first", maintainOrder: true });
  report.push({ step: "dropDuplicates", reason: "exact_duplicate", rowsIn: df.height, rowsOut: exact.height, valuesChanged: 0 });
  if (within === null) return { frame: exact, report };
  requireDatetime(exact, cols.ts, "dropDuplicates");
  requireColumns(exact, [cols.user, cols.item], "dropDuplicates");
  const frame = dropNear(exact, within * 1000, cols);
  report.push({ step: "dropDuplicates", reason: "near_duplicate", rowsIn: exact.height, rowsOut: frame.height, valuesChanged: 0 });
  return { frame, report };
}

/**
 * The near-duplicate pass: integer pair codes, one numeric sort by (pair, ts, input row), one
 * linear scan remembering the last kept instant of the current pair.
 */
function dropNear(df: pl.DataFrame, windowMs: number, cols: { user: string; item: string; ts: string }): pl.DataFrame {
  const u = denseCodes(df, cols.user);
  const it = denseCodes(df, cols.item);
  const ts = epochMs(df, cols.ts);
  const m = df.height;
  const pair = new Float64Array(m);
  const row = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const isNull = u.codes[i] === u.nullCode || it.codes[i] === it.nullCode || Number.isNaN(ts[i]);
    pair[i] = isNull ? -1 : u.codes[i] * it.n + it.codes[i];
    row[i] = i;
  }
  const order = pl
    .DataFrame([pl.Series("pair", pair), pl.Series("ts", ts), pl.Series("row", row)])
    .sort(["pair", "ts", "row"])
    .getColumn("row")
    .toTypedArray() as Float64Array;
  const keep = new Uint8Array(m).fill(1);
  let lastPair = -1;
  let lastKept = 0;
  for (let p = 0; p < m; p++) {
    const i = order[p];
    if (pair[i] < 0) continue; // null user, item or ts: never a near duplicate
    if (pair[i] !== lastPair || ts[i] - lastKept > windowMs) {
      lastPair = pair[i];
      lastKept = ts[i];
    } else {
      keep[i] = 0;
    }
  }
  return df.filter(boolSeries("keep", keep));
}
