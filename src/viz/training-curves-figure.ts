import type pl from "nodejs-polars";
import type { PlotlyFigure } from "./figure";
import { requireColumns, requireNumeric } from "./frame-checks";
import { axisTitle, makeFigure, PALETTE } from "./layout-defaults";

/**
 * Options of {@link trainingCurvesFigure}.
 *
 * @example
 * ```ts
 * trainingCurvesFigure(frame, { metric: "ndcg@20", reference: 0.1547, referenceName: "published" });
 * ```
 */
export interface TrainingCurvesFigureOptions {
  /** The metric column to draw. Required. */
  metric: string;
  /** A target value drawn as a dashed horizontal line. Default: none. */
  reference?: number;
  /** Legend name of the reference line. Default `"published"`. */
  referenceName?: string;
  /** Title. Default `"<metric> by epoch"`. */
  title?: string;
}

/**
 * One line per run (column `run`) of a metric against `epoch`, as read by
 * `readTrainingCurves`, with an optional dashed reference line (the published figure).
 *
 * @param df columns `run`, `epoch` and the metric.
 * @param options see {@link TrainingCurvesFigureOptions}.
 * @returns a figure with one trace per run, in order of first appearance, plus the reference.
 * @example
 * ```ts
 * show(trainingCurvesFigure(frame, { metric: "recall@20", reference: 0.1824 }));
 * ```
 */
export function trainingCurvesFigure(df: pl.DataFrame, options: TrainingCurvesFigureOptions): PlotlyFigure {
  const caller = "trainingCurvesFigure";
  if (!options || !options.metric) throw new Error(`${caller}: options.metric is required`);
  requireColumns(df, ["run", "epoch"], caller);
  requireNumeric(df, options.metric, caller);
  const runs = df.getColumn("run").toArray() as string[];
  const epochs = df.getColumn("epoch").toArray() as number[];
  const values = df.getColumn(options.metric).toArray() as number[];
  const order = [...new Set(runs)];
  const data: Record<string, unknown>[] = order.map((name, k) => {
    const idx = runs.map((r, i) => (r === name ? i : -1)).filter((i) => i >= 0);
    return { type: "scatter", mode: "lines+markers", name, x: idx.map((i) => epochs[i]), y: idx.map((i) => values[i]), line: { color: PALETTE[k % PALETTE.length], width: 2 } };
  });
  if (options.reference !== undefined) {
    const maxEpoch = epochs.length ? Math.max(...epochs) : 1;
    data.push({ type: "scatter", mode: "lines", name: options.referenceName ?? "published", x: [0, maxEpoch], y: [options.reference, options.reference], line: { color: "#444", dash: "dash", width: 1.5 } });
  }
  return makeFigure(data, options.title ?? `${options.metric} by epoch`, {
    showlegend: true,
    xaxis: axisTitle("epoch"),
    yaxis: axisTitle(options.metric),
  });
}
