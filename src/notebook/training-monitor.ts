import type { EpochLog } from "../viz/loss-curve";
import { lossCurveFigure } from "../viz/loss-curve";
import { runId, show } from "./show";

/** Options of {@link trainingMonitor}. */
export interface TrainingMonitorOptions {
  /** Chart title. Default `"Training"`. */
  title?: string;
  /** Redraw the chart every n epochs (the text line is printed every epoch). Default 1. */
  every?: number;
  /** Print the text lines. Default true. */
  print?: boolean;
}

/** What {@link trainingMonitor} returns: the callback to pass as `onEpoch`, and the history so far. */
export interface TrainingMonitor {
  onEpoch: (log: EpochLog) => void;
  history: EpochLog[];
}

let monitors = 0;

const fmt = (v: number) => (Math.abs(v) >= 1000 || Math.abs(v) < 1e-3 ? v.toExponential(3) : v.toFixed(4));

/**
 * Progress of a training run in a notebook: one text line per epoch (loss, validation loss and
 * every metric) and a loss/metric chart that redraws in place as epochs finish; the final chart
 * stays in the HTML report.
 *
 * @example
 * ```ts
 * const monitor = trainingMonitor({ title: "GRU on daily events" });
 * const model = await fitGruForecaster(y, { epochs: 50, onEpoch: monitor.onEpoch });
 * // epoch 1  loss 0.9812  valLoss 1.0234
 * ```
 */
export function trainingMonitor(options: TrainingMonitorOptions = {}): TrainingMonitor {
  const { title = "Training", every = 1, print = true } = options;
  const displayId = `stbw-monitor-${runId}-${++monitors}`;
  const history: EpochLog[] = [];
  let drawn = false;
  const onEpoch = (log: EpochLog): void => {
    history.push({ ...log });
    if (print) {
      const parts = Object.entries(log)
        .filter(([k, v]) => k !== "epoch" && typeof v === "number")
        .map(([k, v]) => `${k} ${fmt(v as number)}`);
      console.log(`epoch ${log.epoch}  ${parts.join("  ")}`);
    }
    if (history.length % every === 0 || !drawn) {
      show(lossCurveFigure(history, { title }), { displayId, update: drawn });
      drawn = true;
    }
  };
  return { onEpoch, history };
}
