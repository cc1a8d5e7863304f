import type { AcfResult } from "../timeseries/acf";
import { normalCdf } from "../timeseries/special-functions";
import type { PlotlyFigure } from "./figure";
import { toPlotValues } from "./format";
import { axisTitle, makeFigure, OTHER_COLOR, PALETTE } from "./layout-defaults";

/**
 * Options of {@link tsAcfFigure} and {@link tsAcfPacfFigure}.
 *
 * @example
 * ```ts
 * tsAcfFigure(acf(daily, { maxLag: 28 }), { title: "Daily events: ACF" });
 * ```
 */
export interface TsAcfOptions {
  /** Title. Default: `"ACF"` / `"PACF"` (or both) with n, the band level and the significant lags. */
  title?: string;
  /** Label of the lag axis, e.g. `"lag (days)"`. Default `"lag"`. */
  lagTitle?: string;
}

type Obj = Record<string, unknown>;

const BAND_COLOR = PALETTE[3];

/** Throws unless lags, values and band have one entry each per lag. */
function checkAcf(r: AcfResult, name: string, caller: string): void {
  if (r == null || r.lags == null || r.values == null || r.band == null) throw new Error(`${caller}: ${name} must be an AcfResult { lags, values, band, n }`);
  if (r.values.length !== r.lags.length || r.band.length !== r.lags.length) {
    throw new Error(`${caller}: ${name} has ${r.lags.length} lags, ${r.values.length} values and ${r.band.length} band widths; they must match`);
  }
  if (r.lags.length === 0) throw new Error(`${caller}: ${name} has no lags`);
}

/** "ACF" when the lags start at 0 (r_0 = 1), else "PACF". */
function kindOf(r: AcfResult): string {
  return r.lags[0] === 0 ? "ACF" : "PACF";
}

/** "95 % band" from a constant white-noise band z/√n, or "Bartlett band" when it varies with the lag. */
function bandLabel(r: AcfResult): string {
  const widths = Array.from(r.band).filter((b) => Number.isFinite(b));
  if (widths.length === 0) return "no band";
  const constant = widths.every((b) => Math.abs(b - widths[0]) <= 1e-12 * Math.abs(widths[0]));
  if (!constant) return "±Bartlett band";
  const level = 100 * (2 * normalCdf(widths[0] * Math.sqrt(r.n)) - 1);
  return `±${Number(level.toFixed(1))} % band`;
}

function significantOf(r: AcfResult): number[] {
  if (Array.isArray(r.significant)) return r.significant;
  const out: number[] = [];
  for (let i = 0; i < r.lags.length; i++) if (r.lags[i] > 0 && Math.abs(r.values[i]) > r.band[i]) out.push(r.lags[i]);
  return out;
}

function describe(r: AcfResult, withKind: boolean): string {
  const sig = significantOf(r);
  const shown = sig.length > 12 ? `${sig.slice(0, 12).join(", ")}, …` : sig.join(", ");
  return `${withKind ? `${kindOf(r)}: ` : ""}n = ${r.n}, ${bandLabel(r)}, significant lags ${sig.length ? shown : "none"}`;
}

/** Stems (bars) and the dashed ±band of one result on axes `xa`/`ya` ("" for the first pair). */
function acfTraces(r: AcfResult, suffix: string, showlegend: boolean): Obj[] {
  const lags = Array.from(r.lags);
  const kind = kindOf(r);
  const axes = { xaxis: `x${suffix}`, yaxis: `y${suffix}` };
  const bandLags: number[] = [];
  const upper: (number | null)[] = [];
  const lower: (number | null)[] = [];
  for (let i = 0; i < lags.length; i++) {
    if (lags[i] === 0) continue;
    bandLags.push(lags[i]);
    const b = Number.isFinite(r.band[i]) ? r.band[i] : null;
    upper.push(b);
    lower.push(b === null ? null : -b);
  }
  const band = (name: string, y: (number | null)[], legend: boolean): Obj => ({
    type: "scatter",
    mode: "lines",
    name,
    x: bandLags,
    y,
    ...axes,
    legendgroup: "band",
    showlegend: showlegend && legend,
    line: { color: BAND_COLOR, width: 1.5, dash: "dash", shape: "hvh" },
    hoverinfo: "skip",
  });
  return [
    {
      type: "bar",
      name: kind,
      x: lags,
      y: toPlotValues(r.values),
      ...axes,
      width: 0.25,
      showlegend: false,
      marker: { color: lags.map((l) => (l === 0 ? OTHER_COLOR : PALETTE[0])) },
      hovertemplate: `lag %{x}<br>${kind} %{y:.3f}<extra></extra>`,
    },
    band("+band", upper, true),
    band("−band", lower, false),
  ];
}

/**
 * Correlogram of an {@link acf} or {@link pacf} result: one stem (thin bar) per lag with height
 * equal to the correlation, lag 0 of the ACF in grey, and the confidence band ±band drawn as two
 * dashed lines (a step per lag, so a widening Bartlett band shows as steps). Lags whose stem
 * leaves the band are listed in the default subtitle.
 *
 * @param result an `AcfResult` (`lags`, `values`, `band`, `n`; ACF when the lags start at 0, PACF otherwise)
 * @param options see {@link TsAcfOptions}
 * @returns a figure with a `bar` trace (x = lags, y = values) and two dashed `scatter` traces
 *   (x = the lags ≥ 1, y = +band and −band)
 * @throws Error when `lags`, `values` and `band` differ in length or are empty
 * @example
 * ```ts
 * show(tsAcfFigure(acf(daily.values, { maxLag: 28 }), { lagTitle: "lag (days)" }));
 * show(tsAcfFigure(pacf(daily.values, { maxLag: 28 })));
 * ```
 */
export function tsAcfFigure(result: AcfResult, options: TsAcfOptions = {}): PlotlyFigure {
  checkAcf(result, "result", "tsAcfFigure");
  const title = options.title ?? `${kindOf(result)}<br><sup>${describe(result, false)}</sup>`;
  return makeFigure(acfTraces(result, "", true), title, {
    showlegend: false,
    bargap: 0,
    xaxis: { ...axisTitle(options.lagTitle ?? "lag"), zeroline: false },
    yaxis: { ...axisTitle(kindOf(result)), zeroline: true, zerolinecolor: "#444444" },
  });
}

/**
 * ACF and PACF of the same series side by side (left and right panels sharing the y scale),
 * each drawn as {@link tsAcfFigure} draws it: the usual first look for choosing AR and MA orders.
 *
 * @param acfResult the result of `acf(x)`
 * @param pacfResult the result of `pacf(x)` on the same series (same `n`)
 * @param options see {@link TsAcfOptions}
 * @returns a figure whose first three traces are the ACF panel (axes x/y) and the next three the
 *   PACF panel (axes x2/y2)
 * @throws Error when either result is malformed or their `n` differ
 * @example
 * ```ts
 * show(tsAcfPacfFigure(acf(y, { maxLag: 36 }), pacf(y, { maxLag: 36 }), { lagTitle: "lag (months)" }));
 * ```
 */
export function tsAcfPacfFigure(acfResult: AcfResult, pacfResult: AcfResult, options: TsAcfOptions = {}): PlotlyFigure {
  const caller = "tsAcfPacfFigure";
  checkAcf(acfResult, "acf", caller);
  checkAcf(pacfResult, "pacf", caller);
  if (acfResult.n !== pacfResult.n) {
    throw new Error(`${caller}: acf.n (${acfResult.n}) and pacf.n (${pacfResult.n}) differ; pass the ACF and PACF of the same series`);
  }
  const left = kindOf(acfResult);
  const right = kindOf(pacfResult);
  const title = options.title ?? `${left} and ${right}<br><sup>n = ${acfResult.n}; ${left}: ${describe(acfResult, false).replace(/^n = \d+, /, "")}; ${right}: ${describe(pacfResult, false).replace(/^n = \d+, /, "")}</sup>`;
  const lagAxis = (domain: number[], anchor: string) => ({ ...axisTitle(options.lagTitle ?? "lag"), domain, anchor, zeroline: false });
  const valueAxis = (text: string, anchor: string) => ({ ...axisTitle(text), anchor, zeroline: true, zerolinecolor: "#444444" });
  return makeFigure([...acfTraces(acfResult, "", true), ...acfTraces(pacfResult, "2", false)], title, {
    showlegend: false,
    bargap: 0,
    margin: { t: 84 },
    xaxis: lagAxis([0, 0.46], "y"),
    yaxis: valueAxis(left, "x"),
    xaxis2: { ...lagAxis([0.54, 1], "y2"), gridcolor: "#e5e5e5", linecolor: "#444444", ticks: "outside", automargin: true },
    yaxis2: { ...valueAxis(right, "x2"), matches: "y", gridcolor: "#e5e5e5", linecolor: "#444444", ticks: "outside", automargin: true },
  });
}
