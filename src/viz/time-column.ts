import type pl from "nodejs-polars";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import { dtypeOf, requireColumns } from "./frame-checks";

/**
 * Name of the local wall-clock time column written by `addLocalTime` (src/clean/add-local-time.ts):
 * Datetime("ms"), naive, local time of the event.
 *
 * @example
 * ```ts
 * df.columns.includes(TS_LOCAL);
 * ```
 */
export const TS_LOCAL = "ts_local";

/**
 * The time column a figure reads, and whether it is local time.
 *
 * @example
 * ```ts
 * const { column, label } = pickTimeColumn(df, undefined, "myFigure"); // "ts_local", "local time"
 * ```
 */
export interface TimeColumn {
  column: string;
  local: boolean;
  /** For titles: `"local time"` or `"UTC"`. */
  label: string;
}

/**
 * Chooses the time column of a figure: with `local` unset, `ts_local` when the frame has it,
 * else `ts` (UTC); `true` requires `ts_local`; `false` always uses `ts`. The column must be a
 * Polars Datetime.
 *
 * @param df event frame
 * @param local `undefined` (prefer local when present), `true`, or `false`
 * @param caller the public function, for error messages
 * @example
 * ```ts
 * pickTimeColumn(df, undefined, "activityOverTimeFigure"); // { column: "ts_local", local: true, label: "local time" }
 * ```
 */
export function pickTimeColumn(df: pl.DataFrame, local: boolean | undefined, caller: string): TimeColumn {
  const hasLocal = df.columns.includes(TS_LOCAL);
  if (local === true && !hasLocal) {
    throw new DataError(`${caller}: local time asked for but the frame has no '${TS_LOCAL}' column (add it with addLocalTime)`, {
      column: TS_LOCAL,
    });
  }
  const useLocal = local === true || (local === undefined && hasLocal);
  const column = useLocal ? TS_LOCAL : COL.ts;
  requireColumns(df, [column], caller);
  const kind = dtypeOf(df, column);
  if (kind !== "Datetime") throw new DataError(`${caller}: expected a Datetime column, got ${kind}`, { column });
  return { column, local: useLocal, label: useLocal ? "local time" : "UTC" };
}
