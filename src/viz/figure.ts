/**
 * A Plotly figure as pure data: what every figure builder returns and what `show()` renders.
 * Kept structural (no dependency on Plotly's own types) so figures serialise to JSON as is.
 *
 * @example
 * ```ts
 * const fig: PlotlyFigure = { data: [{ type: "bar", x: ["a", "b"], y: [1, 2] }], layout: { title: { text: "Counts" } } };
 * ```
 */
export interface PlotlyFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
}
