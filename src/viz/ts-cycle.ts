import type pl from "nodejs-polars";
import { DataError } from "../util/data-error";
import type { PlotlyFigure } from "./figure";
import { requireColumns, requireNumeric } from "./frame-checks";
import { axisTitle, makeFigure, OTHER_COLOR, PALETTE } from "./layout-defaults";

/**
 * Options of {@link tsCycleFigure}.
 *
 * @example
 * ```ts
 * tsCycleFigure(repeatCycle(events), { maxCv: 0.3, binDays: 7 });
 * ```
 */
export interface TsCycleOptions {
  /** A row is regular when its coefficient of variation of the gaps is below this (> 0). Default `0.5` (gap SD under half the mean gap). */
  maxCv?: number;
  /** Bin width in days (> 0). Default: the smallest of 1, 2, 7, 14, 30, 60, 90, 180, 365 days giving at most `maxBins` bins. */
  binDays?: number;
  /** Most bins for the automatic bin width. Default `60`. */
  maxBins?: number;
  /**
   * Column names: `period` (days), `cv`. Default: `period` = `period_days` when present, else
   * `median_days` (the `repeatCycle` estimate); `cv` = `"cv"`, or else `"regularity"` (= 1 − cv,
   * as `periodicPatterns`), read as regular when above 1 − maxCv.
   */
  cols?: { period?: string; cv?: string };
  /** Title. Default `"Repeat cycles"` with the counts and the threshold. */
  title?: string;
}

const defaults = { maxCv: 0.5, maxBins: 60 };
const NICE_DAYS = [1, 2, 7, 14, 30, 60, 90, 180, 365];

/** The bin width used for periods up to `maxPeriod` days (see {@link TsCycleOptions.binDays}). */
function autoBinDays(maxPeriod: number, maxBins: number): number {
  for (const w of NICE_DAYS) if (Math.floor(maxPeriod / w) + 1 <= maxBins) return w;
  return Math.ceil((maxPeriod + 1) / maxBins / 365) * 365;
}

function pickColumn(df: pl.DataFrame, given: string | undefined, candidates: string[], what: string, caller: string): string {
  if (given !== undefined) {
    requireColumns(df, [given], caller);
    return given;
  }
  const found = candidates.find((c) => df.columns.includes(c));
  if (found === undefined) throw new DataError(`${caller}: no ${what} column (looked for ${candidates.join(", ")}; the frame has ${df.columns.join(", ")}); pass options.cols`, { column: candidates[0] });
  return found;
}

/**
 * Histogram of per-user repeat-purchase periods (days), stacked by regularity: a row is
 * regular when the coefficient of variation of its gaps, cv = SD/mean, is below `maxCv`
 * (the threshold is stated in the legend and the subtitle). Bin b covers [b·w, (b + 1)·w) days.
 * Rows without a period or a cv (null or NaN) are left out and counted in the subtitle.
 *
 * @param df a `repeatCycle` frame (`median_days`, `cv`, one row per user) or a `periodicPatterns`
 *   frame (`period_days`, `cv`/`regularity`)
 * @param options see {@link TsCycleOptions}
 * @returns a figure with two stacked `bar` traces, `"regular (cv < t)"` and `"irregular (cv ≥ t)"`:
 *   `x` = bin centres (days), `y` = counts per bin, `width` = the bin width, `customdata` = [lo, hi) edges
 * @throws DataError for a missing or non-numeric column or a negative period; Error for an option out of range
 * @example
 * ```ts
 * show(tsCycleFigure(repeatCycle(events, { within: COL.category })));
 * show(tsCycleFigure(repeatCycle(events), { maxCv: 0.3, binDays: 7 }));
 * ```
 */
export function tsCycleFigure(df: pl.DataFrame, options: TsCycleOptions = {}): PlotlyFigure {
  const caller = "tsCycleFigure";
  const maxCv = options.maxCv ?? defaults.maxCv;
  if (!(maxCv > 0)) throw new Error(`${caller}: maxCv must be > 0, got ${maxCv}`);
  const maxBins = options.maxBins ?? defaults.maxBins;
  if (!Number.isInteger(maxBins) || maxBins < 1) throw new Error(`${caller}: maxBins must be an integer >= 1, got ${maxBins}`);
  if (options.binDays !== undefined && !(options.binDays > 0 && Number.isFinite(options.binDays))) throw new Error(`${caller}: binDays must be > 0, got ${options.binDays}`);
  const periodCol = pickColumn(df, options.cols?.period, ["period_days", "median_days"], "period", caller);
  const cvCol = pickColumn(df, options.cols?.cv, ["cv", "regularity"], "cv (or regularity)", caller);
  requireNumeric(df, periodCol, caller);
  requireNumeric(df, cvCol, caller);
  const fromRegularity = options.cols?.cv === undefined && cvCol === "regularity";
  const periods = df.getColumn(periodCol).toArray() as (number | null)[];
  const cvs = df.getColumn(cvCol).toArray() as (number | null)[];

  const kept: number[] = [];
  const regular: boolean[] = [];
  let noPeriod = 0;
  let noCv = 0;
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i];
    const c = cvs[i];
    if (typeof p !== "number" || !Number.isFinite(p)) {
      noPeriod++;
      continue;
    }
    if (p < 0) throw new DataError(`${caller}: negative period ${p} at row ${i}`, { column: periodCol });
    if (typeof c !== "number" || Number.isNaN(c)) {
      noCv++;
      continue;
    }
    kept.push(p);
    regular.push(fromRegularity ? c > 1 - maxCv : c < maxCv);
  }
  if (kept.length === 0) throw new DataError(`${caller}: no row has both a period and a cv (${df.height} rows)`, { column: periodCol });

  const maxPeriod = kept.reduce((a, b) => Math.max(a, b), 0);
  const w = options.binDays ?? autoBinDays(maxPeriod, maxBins);
  const nBins = Math.floor(maxPeriod / w) + 1;
  const counts = [new Array<number>(nBins).fill(0), new Array<number>(nBins).fill(0)];
  for (let i = 0; i < kept.length; i++) counts[regular[i] ? 0 : 1][Math.min(nBins - 1, Math.floor(kept[i] / w))]++;
  const round = (v: number) => Number(v.toFixed(9));
  const centres = Array.from({ length: nBins }, (_, b) => round((b + 0.5) * w));
  const edges = Array.from({ length: nBins }, (_, b) => [round(b * w), round((b + 1) * w)]);
  const rule = fromRegularity ? `regularity > ${round(1 - maxCv)}` : `cv < ${maxCv}`;
  const ruleNot = fromRegularity ? `regularity ≤ ${round(1 - maxCv)}` : `cv ≥ ${maxCv}`;
  const names = [`regular (${rule})`, `irregular (${ruleNot})`];
  const data = names.map((name, k) => ({
    type: "bar",
    name,
    x: centres,
    y: counts[k],
    width: w,
    customdata: edges,
    marker: { color: k === 0 ? PALETTE[2] : OTHER_COLOR, line: { color: "#ffffff", width: 0.5 } },
    hovertemplate: `${name}<br>%{customdata[0]}–%{customdata[1]} days: %{y}<extra></extra>`,
  }));

  const nRegular = regular.filter(Boolean).length;
  const sortedRegular = kept.filter((_, i) => regular[i]).sort((a, b) => a - b);
  const median = sortedRegular.length === 0 ? NaN : sortedRegular.length % 2 ? sortedRegular[(sortedRegular.length - 1) / 2] : (sortedRegular[sortedRegular.length / 2 - 1] + sortedRegular[sortedRegular.length / 2]) / 2;
  const parts = [`${kept.length} rows, ${nRegular} regular (${rule}, ${Math.round((100 * nRegular) / kept.length)} %)`];
  if (sortedRegular.length > 0) parts.push(`median regular period ${Number(median.toFixed(1))} days`);
  if (noPeriod > 0) parts.push(`${noPeriod} without a period left out`);
  if (noCv > 0) parts.push(`${noCv} without a ${cvCol} left out`);
  return makeFigure(data, options.title ?? `Repeat cycles<br><sup>${parts.join("; ")}</sup>`, {
    barmode: "stack",
    bargap: 0,
    xaxis: { ...axisTitle(`period (days, bins of ${w})`), rangemode: "tozero" },
    yaxis: { ...axisTitle("count"), rangemode: "tozero" },
  });
}
