import pl from "nodejs-polars";
import { DataError } from "../util/data-error";
import type { PlotlyFigure } from "./figure";
import { formatInt, formatMs } from "./format";
import { requireColumns } from "./frame-checks";
import { axisTitle, makeFigure, PALETTE } from "./layout-defaults";
import { pickTimeColumn } from "./time-column";

/**
 * Bucket width of {@link activityOverTimeFigure}. Weeks start on Monday 00:00.
 *
 * @example
 * ```ts
 * const freq: ActivityFreq = "week";
 * ```
 */
export type ActivityFreq = "hour" | "day" | "week";

/**
 * Options of {@link activityOverTimeFigure}.
 *
 * @example
 * ```ts
 * activityOverTimeFigure(df, { freq: "hour", by: "event", topN: 3, local: false });
 * ```
 */
export interface ActivityOverTimeOptions {
  /** Bucket width. Default `"day"`. */
  freq?: ActivityFreq;
  /** Column giving one line per group (e.g. `"category"`, `"event"`); nulls form the group `"(missing)"`. Default: one line. */
  by?: string;
  /** With `by`: how many groups get a line, the most active first (ties by name). Default 8. */
  topN?: number;
  /** Time column: unset = `ts_local` when present else `ts`; `true` = `ts_local`; `false` = `ts` (UTC). */
  local?: boolean;
  /** Refuse to draw more buckets than this (pick a coarser `freq`). Default 200 000. */
  maxBuckets?: number;
  /** Title. Default: derived from the options and the counts. */
  title?: string;
}

const defaults = { freq: "day" as ActivityFreq, topN: 8, maxBuckets: 200_000 };

const STEP_MS: Record<ActivityFreq, number> = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 };
const EVERY: Record<ActivityFreq, string> = { hour: "1h", day: "1d", week: "1w" };
const MISSING = "(missing)";

/** Group names, most events first, ties by name (deterministic). */
function rankGroups(names: string[], totals: number[]): string[] {
  const order = names.map((_, i) => i);
  order.sort((a, b) => totals[b] - totals[a] || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  return order.map((i) => names[i]);
}

/**
 * Event counts per hour, day or week as line(s), **zero-filled**: every bucket from the first to
 * the last event appears, with 0 where nothing happened (gaps in data collection show as drops
 * to zero rather than being bridged by a line). With `by`, one line per group for the `topN`
 * most active groups, all on the same buckets.
 *
 * Buckets are computed by Polars (`dt.truncate`: hours, days, ISO weeks from Monday) on the
 * naive time column, so they are wall-clock buckets of `ts_local` or of UTC `ts`.
 *
 * @param df event frame with `ts` (and/or `ts_local`) and the `by` column if given
 * @param options see {@link ActivityOverTimeOptions}
 * @returns a line figure; each trace has `x` = bucket starts (`"YYYY-MM-DD HH:MM:SS"` for hours,
 *   `"YYYY-MM-DD"` for days and weeks) and `y` = counts (numbers, 0 for empty buckets)
 * @example
 * ```ts
 * show(activityOverTimeFigure(events, { freq: "day" }));
 * show(activityOverTimeFigure(events, { freq: "week", by: "category", topN: 5, local: true }));
 * ```
 */
export function activityOverTimeFigure(df: pl.DataFrame, options: ActivityOverTimeOptions = {}): PlotlyFigure {
  const caller = "activityOverTimeFigure";
  const freq = options.freq ?? defaults.freq;
  const topN = options.topN ?? defaults.topN;
  const maxBuckets = options.maxBuckets ?? defaults.maxBuckets;
  if (!(freq in STEP_MS)) throw new Error(`${caller}: freq must be "hour", "day" or "week", got '${freq}'`);
  if (!Number.isInteger(topN) || topN < 1) throw new Error(`${caller}: topN must be an integer >= 1, got ${topN}`);
  const time = pickTimeColumn(df, options.local, caller);
  if (options.by !== undefined) requireColumns(df, [options.by], caller);

  const step = STEP_MS[freq];
  const bucket = pl.col(time.column).cast(pl.Datetime("ms")).dt.truncate(EVERY[freq]).cast(pl.Int64).alias("__b");
  const group = options.by !== undefined ? pl.col(options.by).cast(pl.String).fillNull(pl.lit(MISSING)) : pl.lit("events");
  const rows = df.select(bucket, group.alias("__g")).filter(pl.col("__b").isNotNull());
  const missingTime = df.height - rows.height;
  if (rows.height === 0) throw new DataError(`${caller}: no event has a timestamp`, { column: time.column });

  const counts = rows.groupBy(["__b", "__g"]).agg(pl.len().alias("__n"));
  const totals = counts.groupBy("__g").agg(pl.col("__n").sum().alias("__t"));
  const groups = rankGroups(totals.getColumn("__g").toArray() as string[], totals.getColumn("__t").toArray() as number[]);
  const shown = groups.slice(0, topN);
  const index = new Map(shown.map((g, i) => [g, i]));

  const b = counts.getColumn("__b").toArray() as number[];
  const g = counts.getColumn("__g").toArray() as string[];
  const n = counts.getColumn("__n").toArray() as number[];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of b) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const nBuckets = Math.round((hi - lo) / step) + 1;
  if (nBuckets > maxBuckets) {
    throw new Error(`${caller}: ${formatInt(nBuckets)} ${freq} buckets exceed maxBuckets=${maxBuckets}; use a coarser freq`);
  }
  const series = shown.map(() => new Float64Array(nBuckets));
  for (let i = 0; i < b.length; i++) {
    const k = index.get(g[i]);
    if (k !== undefined) series[k][Math.round((b[i] - lo) / step)] += n[i];
  }
  const x = Array.from({ length: nBuckets }, (_, i) => formatMs(lo + i * step, freq !== "hour"));
  const data = shown.map((name, k) => ({
    type: "scatter",
    mode: "lines",
    name,
    x,
    y: Array.from(series[k]),
    line: { width: 1.5, color: PALETTE[k % PALETTE.length] },
    hovertemplate: `%{x}<br>%{y} events<extra>${name.replace(/[<>]/g, "")}</extra>`,
  }));

  const parts = [`${formatInt(rows.height)} events, ${time.label}`];
  if (options.by !== undefined) {
    parts.push(groups.length > shown.length ? `top ${shown.length} of ${groups.length} ${options.by} values` : `by ${options.by}`);
  }
  if (missingTime > 0) parts.push(`${formatInt(missingTime)} rows without time left out`);
  const title = options.title ?? `Events per ${freq}<br><sup>${parts.join("; ")}</sup>`;
  return makeFigure(data, title, {
    showlegend: options.by !== undefined,
    hovermode: "x unified",
    xaxis: { type: "date", ...axisTitle(`${freq} (${time.label})`) },
    yaxis: { rangemode: "tozero", ...axisTitle(`events per ${freq}`) },
  });
}
