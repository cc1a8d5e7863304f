import type { PeriodogramPeak, PeriodogramResult } from "../timeseries/periodogram";
import { checkFreq, FREQ_MS, type SeriesFreq } from "../timeseries/series-freq";
import type { PlotlyFigure } from "./figure";
import { toPlotValues } from "./format";
import { axisTitle, makeFigure, OTHER_COLOR, PALETTE } from "./layout-defaults";

/**
 * Options of {@link tsPeriodogramFigure}.
 *
 * @example
 * ```ts
 * tsPeriodogramFigure(periodogram(hourly.values), { freq: "hour", topN: 3, xAxis: "frequency" });
 * ```
 */
export interface TsPeriodogramOptions {
  /** How many of the strongest non-harmonic peaks get a marker and a label. Default `5`. */
  topN?: number;
  /** Peaks carrying less than this share of the detrended variance (`peak.share`, in [0, 1]) get no marker: noise and side lobes. Default `0.01`. */
  minShare?: number;
  /** `"period"`: power against the period on a log axis; `"frequency"`: against cycles per unit, linear. Default `"period"`. */
  xAxis?: "period" | "frequency";
  /** Spacing of the samples (`series.freq`): periods are shown in its unit (`"24.0 h"`). Default: periods in samples. */
  freq?: SeriesFreq;
  /** Log-scaled power axis. Default `false`. */
  logPower?: boolean;
  /** Title. Default: `"Periodogram"` with n and the labelled periods. */
  title?: string;
}

const defaults = { topN: 5, minShare: 0.01, xAxis: "period" as "period" | "frequency", logPower: false };

/** Short unit name per sample spacing. */
const UNIT: Record<SeriesFreq, string> = { minute: "min", hour: "h", day: "d", week: "wk" };

/**
 * Label of a period given in samples: `"24.0 h"`, `"168.0 h (7.0 d)"`, `"7.0 d"`, `"12.5 samples"`.
 * Hours and minutes of at least two days also show the days.
 *
 * @param periodSamples a period in samples
 * @param freq the sample spacing, or `undefined` for samples
 * @example
 * ```ts
 * periodLabel(24, "hour");  // "24.0 h"
 * periodLabel(168, "hour"); // "168.0 h (7.0 d)"
 * periodLabel(7, undefined); // "7.0 samples"
 * ```
 */
export function periodLabel(periodSamples: number, freq: SeriesFreq | undefined): string {
  if (freq === undefined) return `${periodSamples.toFixed(1)} samples`;
  const text = `${periodSamples.toFixed(1)} ${UNIT[freq]}`;
  const days = (periodSamples * FREQ_MS[freq]) / FREQ_MS.day;
  return (freq === "hour" || freq === "minute") && days >= 2 ? `${text} (${days.toFixed(1)} d)` : text;
}

/**
 * Power spectrum of a {@link periodogram} result with its dominant cycles marked: the `topN`
 * strongest peaks that are not harmonics of a stronger one carry a marker and their period as
 * text (`"24.0 h"`); harmonic peaks get small grey markers (hover names their fundamental).
 * Peaks with a share of variance below `minShare` are left unmarked.
 * With `xAxis: "period"` (default) x is the period in the unit of `freq` on a log axis limited
 * to [2, n] samples; with `"frequency"` x is cycles per unit on a linear axis.
 *
 * @param result a `PeriodogramResult` (`frequency`, `period`, `power`, ranked `peaks`, `n`)
 * @param options see {@link TsPeriodogramOptions}
 * @returns a figure: a `scatter` line (x = `period`·unit or `frequency`/unit, y = `power`), a
 *   `"peaks"` marker trace (x, y = the peak's refined period or frequency and power, `text` =
 *   labels, rank order) and, when there are any, a `"harmonics"` marker trace
 * @throws Error when the arrays differ in length or an option is out of range
 * @example
 * ```ts
 * const pg = periodogram(hourly.values, { maxPeriod: 24 * 14 });
 * show(tsPeriodogramFigure(pg, { freq: hourly.freq, topN: 3 }));
 * ```
 */
export function tsPeriodogramFigure(result: PeriodogramResult, options: TsPeriodogramOptions = {}): PlotlyFigure {
  const caller = "tsPeriodogramFigure";
  if (result == null || result.power == null || result.period == null || result.frequency == null || !Array.isArray(result.peaks)) {
    throw new Error(`${caller}: result must be a PeriodogramResult { frequency, period, power, peaks, n }`);
  }
  const m = result.power.length;
  if (result.period.length !== m || result.frequency.length !== m) {
    throw new Error(`${caller}: result has ${result.frequency.length} frequencies, ${result.period.length} periods and ${m} powers; they must match`);
  }
  if (m === 0) throw new Error(`${caller}: result has no frequencies`);
  const topN = options.topN ?? defaults.topN;
  if (!Number.isInteger(topN) || topN < 0) throw new Error(`${caller}: topN must be an integer >= 0, got ${topN}`);
  const xAxis = options.xAxis ?? defaults.xAxis;
  if (xAxis !== "period" && xAxis !== "frequency") throw new Error(`${caller}: xAxis must be "period" or "frequency", got '${String(xAxis)}'`);
  const freq = options.freq === undefined ? undefined : checkFreq(options.freq, `${caller}: freq`);
  const unit = freq === undefined ? "samples" : UNIT[freq];
  const byPeriod = xAxis === "period";
  // one sample = 1 unit of freq, so a period in samples is already in units; frequencies are per unit
  const xOf = (p: PeriodogramPeak | { period: number; frequency: number }): number => (byPeriod ? p.period : p.frequency);

  const minShare = options.minShare ?? defaults.minShare;
  if (!(minShare >= 0 && minShare <= 1)) throw new Error(`${caller}: minShare must be in [0, 1], got ${minShare}`);
  const strong = result.peaks.filter((p) => !(p.share < minShare));
  const fundamentals = strong.filter((p) => p.harmonicOf === null).slice(0, topN);
  const harmonics = strong.filter((p) => p.harmonicOf !== null);
  const labels = fundamentals.map((p) => periodLabel(p.period, freq));
  const data: Record<string, unknown>[] = [
    {
      type: "scatter",
      mode: "lines",
      name: "power",
      x: toPlotValues(byPeriod ? result.period : result.frequency),
      y: toPlotValues(result.power),
      line: { color: PALETTE[0], width: 1.5 },
      hovertemplate: byPeriod ? `period %{x:.2f} ${unit}<br>power %{y:.4g}<extra></extra>` : `%{x:.4f} cycles/${unit}<br>power %{y:.4g}<extra></extra>`,
    },
    {
      type: "scatter",
      mode: "markers+text",
      name: "peaks",
      x: fundamentals.map(xOf),
      y: fundamentals.map((p) => p.power),
      text: labels,
      textposition: "top center",
      cliponaxis: false,
      marker: { color: PALETTE[3], size: 9 },
      customdata: fundamentals.map((p) => [p.rank, p.share]),
      hovertemplate: "%{text}<br>rank %{customdata[0]}, share %{customdata[1]:.1%}<extra></extra>",
    },
  ];
  if (harmonics.length > 0) {
    data.push({
      type: "scatter",
      mode: "markers",
      name: "harmonics",
      x: harmonics.map(xOf),
      y: harmonics.map((p) => p.power),
      text: harmonics.map((p) => `${periodLabel(p.period, freq)}, harmonic of ${periodLabel(p.harmonicOf as number, freq)}`),
      marker: { color: OTHER_COLOR, size: 6, symbol: "diamond" },
      hovertemplate: "%{text}<extra></extra>",
    });
  }
  const n = result.n;
  const xLayout = byPeriod
    ? { type: "log", ...axisTitle(`period (${unit})`), ...(Number.isFinite(n) && n > 2 ? { range: [Math.log10(2), Math.log10(n)] } : {}) }
    : { ...axisTitle(`frequency (cycles per ${freq === undefined ? "sample" : UNIT[freq]})`), rangemode: "tozero" };
  const sub = `n = ${n}${labels.length ? `; peaks ${labels.join(", ")}` : ""}`;
  return makeFigure(data, options.title ?? `Periodogram<br><sup>${sub}</sup>`, {
    showlegend: false,
    xaxis: xLayout,
    yaxis: { ...axisTitle("power"), ...(options.logPower ?? defaults.logPower ? { type: "log" } : { rangemode: "tozero" }) },
  });
}
