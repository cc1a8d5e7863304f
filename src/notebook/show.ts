import { readFileSync } from "fs";
import type { PlotlyFigure } from "../viz/figure";
import { displayBundle } from "./display-bundle";

/** Options of {@link show}. */
export interface ShowOptions {
  /** Height of the chart in pixels. Default: `layout.height` or 420. */
  height?: number;
  /** Draw into this display (see `displayBundle`); with `update: true`, replace its previous chart. */
  displayId?: string;
  update?: boolean;
}

let bundleSent = false;
let counter = 0;
/** Unique per kernel session, so chart and display ids never collide with earlier outputs. */
export const runId = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;

/** The plotly.js bundle shipped in node_modules (no CDN: the machines and reports are offline). */
function plotlyBundle(): string {
  const path = require.resolve("plotly.js-dist-min/plotly.min.js");
  return readFileSync(path, "utf8");
}

/**
 * The `<script>` that defines `window.Plotly` once and then draws every chart that was waiting
 * for it. Sent with the first chart of a kernel session (and by `setupNotebook`), so a report
 * embeds plotly.js once per notebook, not once per chart.
 */
export function plotlyLoaderHtml(): string {
  // `</script>` inside the bundle would end the tag early; the minified bundle has none, but be safe.
  const js = plotlyBundle().replace(/<\/script>/gi, "<\\/script>");
  return [
    "<script>",
    "if (!window.Plotly) {",
    js,
    "}",
    "(window.__plotlyQueue || []).splice(0).forEach(function (f) { f(); });",
    "</script>",
  ].join("\n");
}

/** HTML for one chart: a div and a script that draws it as soon as plotly.js is there. */
export function figureHtml(fig: PlotlyFigure, id: string, height: number): string {
  const payload = JSON.stringify({ data: fig.data, layout: fig.layout, config: { responsive: true, displaylogo: false, ...fig.config } })
    .replace(/<\//g, "<\\/");
  return [
    `<div id="${id}" class="stbw-chart" style="width:100%;height:${height}px;"></div>`,
    "<script>",
    "(function () {",
    `  var spec = ${payload};`,
    `  function draw() { window.Plotly.newPlot(${JSON.stringify(id)}, spec.data, spec.layout, spec.config); }`,
    "  if (window.Plotly) { draw(); } else { (window.__plotlyQueue = window.__plotlyQueue || []).push(draw); }",
    "})();",
    "</script>",
  ].join("\n");
}

/**
 * Emits plotly.js into the notebook once per kernel session (no-op afterwards).
 * `setupNotebook()` calls it so that every chart below works even if the first chart's output is cleared.
 * @example
 * ```ts
 * ensurePlotly();
 * ```
 */
export function ensurePlotly(): void {
  if (bundleSent) return;
  bundleSent = true;
  displayBundle({ "text/html": plotlyLoaderHtml(), "text/plain": "" });
}

/**
 * Renders a Plotly figure inline in a tslab notebook: the only side effect of the figure builders.
 *
 * The output carries two MIME types: `application/vnd.plotly.v1+json` for JupyterLab's native
 * Plotly renderer and `text/html` (a div plus a script using the plotly.js embedded once per
 * notebook) for the classic notebook and for HTML reports opened offline.
 *
 * @example
 * ```ts
 * show(hourWeekdayHeatmapFigure(events));
 * ```
 */
export function show(fig: PlotlyFigure, options: ShowOptions = {}): void {
  const layoutHeight = typeof fig.layout.height === "number" ? fig.layout.height : undefined;
  const height = options.height ?? layoutHeight ?? 420;
  const id = `stbw-plot-${runId}-${++counter}`;
  const html = (bundleSent ? "" : plotlyLoaderHtml()) + figureHtml(fig, id, height);
  bundleSent = true;
  const title = fig.layout.title as { text?: string } | string | undefined;
  const titleText = typeof title === "string" ? title : title?.text ?? "";
  displayBundle({
    "application/vnd.plotly.v1+json": { data: fig.data, layout: fig.layout, config: fig.config ?? {} },
    "text/html": html,
    "text/plain": `<Plotly figure${titleText ? `: ${titleText}` : ""}>`,
  }, {}, { displayId: options.displayId, update: options.update });
}
