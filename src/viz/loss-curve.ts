import type { PlotlyFigure } from "./figure";
import { toPlotValues } from "./format";
import { axisTitle, makeFigure, PALETTE } from "./layout-defaults";

/**
 * One epoch of training: `loss`, optional `valLoss` (or `val_loss`) and any metrics (`mae`, `val_mae`, `valMae`, …).
 *
 * @example
 * ```ts
 * const row: EpochLog = { epoch: 3, loss: 0.41, valLoss: 0.47, mae: 0.52 };
 * ```
 */
export interface EpochLog {
  epoch: number;
  loss: number;
  valLoss?: number;
  [metric: string]: number | undefined;
}

/**
 * The shape of the `History` object tfjs `model.fit` resolves to.
 *
 * @example
 * ```ts
 * const h: TfjsHistoryLike = await model.fit(xs, ys, { epochs: 5 });
 * ```
 */
export interface TfjsHistoryLike {
  epoch: number[];
  history: Record<string, unknown[]>;
}

/**
 * Options of {@link lossCurveFigure}.
 *
 * @example
 * ```ts
 * lossCurveFigure(history, { logLoss: true });
 * ```
 */
export interface LossCurveOptions {
  /** Log-scaled loss axis. Default `false`. */
  logLoss?: boolean;
  /** Title. Default: derived (final loss, best validation loss and its epoch). */
  title?: string;
}

const isVal = (k: string): boolean => k.startsWith("val_") || /^val[A-Z]/.test(k);
const baseOf = (k: string): string => (k.startsWith("val_") ? k.slice(4) : isVal(k) ? k[3].toLowerCase() + k.slice(4) : k);

/** Turns rows or a tfjs History into epochs plus one value array per key (first-seen key order). */
function toColumns(history: readonly EpochLog[] | TfjsHistoryLike): { epochs: number[]; series: Map<string, unknown[]> } {
  const caller = "lossCurveFigure";
  const series = new Map<string, unknown[]>();
  let epochs: number[];
  if (Array.isArray(history)) {
    const rows = history as readonly EpochLog[];
    epochs = rows.map((r) => r.epoch);
    rows.forEach((r, i) => {
      for (const [k, v] of Object.entries(r)) {
        if (k === "epoch") continue;
        if (!series.has(k)) series.set(k, new Array(rows.length).fill(null));
        series.get(k)![i] = v;
      }
    });
  } else if (history && Array.isArray((history as TfjsHistoryLike).epoch) && typeof (history as TfjsHistoryLike).history === "object") {
    const h = history as TfjsHistoryLike;
    epochs = [...h.epoch];
    for (const [k, v] of Object.entries(h.history)) {
      if (!Array.isArray(v) || v.length !== epochs.length) throw new Error(`${caller}: history.${k} must have one value per epoch (${epochs.length})`);
      series.set(k, v);
    }
  } else {
    throw new Error(`${caller}: history must be an array of {epoch, loss, …} rows or a tfjs History {epoch, history}`);
  }
  if (epochs.length === 0) throw new Error(`${caller}: history is empty`);
  epochs.forEach((e, i) => {
    if (typeof e !== "number" || !Number.isFinite(e)) throw new Error(`${caller}: epoch of row ${i} must be a finite number, got ${e}`);
  });
  if (!series.has("loss")) throw new Error(`${caller}: history has no 'loss'`);
  for (const [k, v] of series) {
    v.forEach((x, i) => {
      if (x !== null && x !== undefined && typeof x !== "number") throw new Error(`${caller}: ${k} of row ${i} must be a number, got ${typeof x}`);
    });
  }
  return { epochs, series };
}

/**
 * Training curves per epoch: the loss (and validation loss, dashed) in the top panel, every
 * other metric in a bottom panel sharing the epoch axis (validation variants dashed, in the
 * colour of their training metric). Accepts rows `{ epoch, loss, valLoss?, …metrics }` or the
 * `History` returned by tfjs `model.fit` (`val_` keys). Non-finite values become gaps.
 *
 * @param history epoch rows or a tfjs `History`
 * @param options see {@link LossCurveOptions}
 * @returns a figure with one `scatter` trace per key; metrics use `yaxis: "y2"`
 * @example
 * ```ts
 * show(lossCurveFigure([{ epoch: 1, loss: 0.9, valLoss: 1.0, mae: 0.7 }, { epoch: 2, loss: 0.5, valLoss: 0.8, mae: 0.5 }]));
 * const h = await model.fit(xs, ys, { epochs: 20, validationSplit: 0.2, shuffle: false });
 * show(lossCurveFigure(h));
 * ```
 */
export function lossCurveFigure(history: readonly EpochLog[] | TfjsHistoryLike, options: LossCurveOptions = {}): PlotlyFigure {
  const { epochs, series } = toColumns(history);
  const lossKeys = [...series.keys()].filter((k) => baseOf(k) === "loss");
  const metricKeys = [...series.keys()].filter((k) => baseOf(k) !== "loss");
  const metricBases = [...new Set(metricKeys.map(baseOf))];
  const hasMetrics = metricKeys.length > 0;

  const trace = (key: string, color: string, yaxis: string) => ({
    type: "scatter",
    mode: "lines+markers",
    name: key,
    x: [...epochs],
    y: toPlotValues(series.get(key)!),
    yaxis,
    line: { color, width: 2, dash: isVal(key) ? "dash" : "solid" },
    marker: { size: 5, color },
  });
  const data = [
    ...lossKeys.map((k) => trace(k, isVal(k) ? PALETTE[1] : PALETTE[0], "y")),
    ...metricKeys.map((k) => trace(k, PALETTE[(2 + metricBases.indexOf(baseOf(k))) % PALETTE.length], "y2")),
  ];

  const last = (k: string): number | null => toPlotValues(series.get(k)!).slice(-1)[0] as number | null;
  const sub = [`${epochs.length} epochs, final loss ${fmt(last("loss"))}`];
  const valKey = lossKeys.find(isVal);
  if (valKey) {
    const v = toPlotValues(series.get(valKey)!) as (number | null)[];
    let best = -1;
    v.forEach((x, i) => {
      if (x !== null && (best < 0 || x < (v[best] as number))) best = i;
    });
    if (best >= 0) sub.push(`best ${valKey} ${fmt(v[best])} at epoch ${epochs[best]}`);
  }
  const title = options.title ?? `Training curves<br><sup>${sub.join("; ")}</sup>`;
  const lossAxis = { ...axisTitle("loss"), ...(options.logLoss ? { type: "log" } : {}) };
  return makeFigure(data, title, {
    hovermode: "x unified",
    xaxis: { ...axisTitle("epoch"), ...(epochs.length <= 20 ? { dtick: 1 } : {}), ...(hasMetrics ? { anchor: "y2" } : {}) },
    yaxis: hasMetrics ? { ...lossAxis, domain: [0.55, 1] } : lossAxis,
    ...(hasMetrics ? { yaxis2: { ...axisTitle("metric"), domain: [0, 0.42], anchor: "x", gridcolor: "#e5e5e5", automargin: true } } : {}),
  });
}

function fmt(x: number | null): string {
  return x === null ? "n/a" : Number(x.toPrecision(4)).toString();
}
