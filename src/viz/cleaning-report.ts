import type { CleanStep } from "../clean/clean-report";
import type { PlotlyFigure } from "./figure";
import { formatInt } from "./format";
import { axisTitle, makeFigure, PALETTE } from "./layout-defaults";

/**
 * Options of {@link cleaningReportFigure}.
 *
 * @example
 * ```ts
 * cleaningReportFigure(report, { title: "Cleaning of the NYC check-ins" });
 * ```
 */
export interface CleaningReportOptions {
  /** Title. Default: derived from the totals. */
  title?: string;
}

/**
 * Horizontal bars of what each cleaning step did, in pipeline order from top to bottom:
 * rows removed (`rowsIn − rowsOut`) and values changed in place (`valuesChanged`), one bar
 * pair per report row, labelled `"<n>. <step> · <reason>"` (the number keeps repeated
 * step/reason pairs apart). The title gives the totals and, when the steps are chained
 * (each `rowsIn` equals the previous `rowsOut`), the overall `rows in → rows out`.
 *
 * @param report the `report` rows of one or more cleaning verbs (`CleanStep[]`); extra fields are ignored
 * @param options see {@link CleaningReportOptions}
 * @returns a grouped bar figure with traces "rows removed" and "values changed"
 * @example
 * ```ts
 * const { frame, report } = dropDuplicates(events);
 * show(cleaningReportFigure(report));
 * ```
 */
export function cleaningReportFigure(report: readonly CleanStep[], options: CleaningReportOptions = {}): PlotlyFigure {
  const caller = "cleaningReportFigure";
  if (!Array.isArray(report)) throw new Error(`${caller}: report must be an array of CleanStep rows`);
  report.forEach((r, i) => {
    for (const k of ["rowsIn", "rowsOut", "valuesChanged"] as const) {
      if (!Number.isInteger(r[k]) || r[k] < 0) throw new Error(`${caller}: report[${i}].${k} must be a non-negative integer, got ${r[k]}`);
    }
    if (r.rowsOut > r.rowsIn) throw new Error(`${caller}: report[${i}] has rowsOut ${r.rowsOut} > rowsIn ${r.rowsIn}`);
  });
  const labels = report.map((r, i) => `${i + 1}. ${r.step} · ${r.reason}`);
  const removed = report.map((r) => r.rowsIn - r.rowsOut);
  const changed = report.map((r) => r.valuesChanged);
  const bar = (name: string, values: number[], color: string) => ({
    type: "bar",
    orientation: "h",
    name,
    x: values,
    y: labels,
    text: values.map((v) => formatInt(v)),
    textposition: "auto",
    marker: { color },
    hovertemplate: `%{y}<br>%{x} ${name}<extra></extra>`,
  });
  const data = [bar("rows removed", removed, PALETTE[3]), bar("values changed", changed, PALETTE[0])];

  const totalRemoved = removed.reduce((a, b) => a + b, 0);
  const totalChanged = changed.reduce((a, b) => a + b, 0);
  const chained = report.length > 0 && report.every((r, i) => i === 0 || r.rowsIn === report[i - 1].rowsOut);
  const sub = [`${formatInt(totalRemoved)} rows removed, ${formatInt(totalChanged)} values changed in ${report.length} steps`];
  if (chained) sub.push(`${formatInt(report[0].rowsIn)} → ${formatInt(report[report.length - 1].rowsOut)} rows`);
  const title = options.title ?? `Cleaning report<br><sup>${sub.join("; ")}</sup>`;
  return makeFigure(data, title, {
    barmode: "group",
    height: Math.max(260, 120 + 44 * report.length),
    margin: { l: 24 },
    xaxis: { rangemode: "tozero", ...axisTitle("rows removed / values changed") },
    yaxis: { autorange: "reversed", type: "category" },
    legend: { orientation: "h", y: -0.15 },
  });
}
