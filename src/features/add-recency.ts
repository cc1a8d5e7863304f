import pl from "nodejs-polars";
import { epochMs, requireColumns, requireDatetime, requireNoNulls } from "../clean/frame-access";
import { COL } from "../schema";
import { DataError } from "../util/data-error";

/** Options of {@link addRecency}. */
export interface AddRecencyOptions {
  /**
   * The "now" of the features, e.g. the split cut. Default `null`: the latest timestamp of the
   * frame (deterministic, unlike the wall clock). Events after it are refused (DataError), since
   * they would leak the future into a feature.
   */
  reference?: Date | null;
  /**
   * `"user"`: days from the user's last event to the reference (the same on all the user's rows);
   * `"event"`: days from each event to the reference. Default `"user"`.
   */
  per?: "user" | "event";
  /** Output column. Default `"recency_days"`. */
  output?: string;
  /** Column names. Default: `COL.user`, `COL.ts`. */
  cols?: { user?: string; ts?: string };
}

const defaults = {
  reference: null as Date | null,
  per: "user" as "user" | "event",
  output: "recency_days",
  cols: { user: COL.user, ts: COL.ts },
};

const DAY_MS = 86_400_000;

/**
 * Adds recency in days (Float64, ≥ 0): `(reference − last event of the user) / 1 day` with
 * `per: "user"`, or `(reference − ts) / 1 day` with `per: "event"`.
 *
 * @param df event frame.
 * @param options see {@link AddRecencyOptions}.
 * @returns the frame with the recency column.
 * @example
 * ```ts
 * addRecency(train, { reference: cut });                 // recency_days per user
 * addRecency(train, { reference: cut, per: "event" });   // age of each event
 * ```
 */
export function addRecency(df: pl.DataFrame, options: AddRecencyOptions = {}): pl.DataFrame {
  const per = options.per ?? defaults.per;
  const output = options.output ?? defaults.output;
  const cols = { ...defaults.cols, ...options.cols };
  if (per !== "user" && per !== "event") throw new Error(`per must be "user" or "event", got ${String(per)}`);
  requireDatetime(df, cols.ts, "addRecency");
  requireNoNulls(df, cols.ts, "addRecency");
  if (per === "user") requireColumns(df, [cols.user], "addRecency");
  const ms = epochMs(df, cols.ts);
  let maxMs = -Infinity;
  let argMax = -1;
  for (let i = 0; i < ms.length; i++) {
    if (ms[i] > maxMs) {
      maxMs = ms[i];
      argMax = i;
    }
  }
  const reference = options.reference ?? defaults.reference;
  if (reference !== null && !(reference instanceof Date && Number.isFinite(reference.getTime()))) {
    throw new Error("reference must be a valid Date or null");
  }
  const refMs = reference === null ? maxMs : reference.getTime();
  if (argMax >= 0 && maxMs > refMs) {
    const who = df.columns.includes(cols.user) ? ` (user '${df.getColumn(cols.user).get(argMax)}')` : "";
    throw new DataError(
      `event at ${new Date(maxMs).toISOString()}${who} is after the reference ${new Date(refMs).toISOString()}; filter events after the reference first`,
      { column: cols.ts },
    );
  }
  const t = pl.col(cols.ts).cast(pl.Datetime("ms")).cast(pl.Float64);
  const last = per === "user" ? t.max().over(cols.user) : t;
  return df.withColumn(pl.lit(refMs).sub(last).div(DAY_MS).alias(output));
}
