import type { PlotlyFigure } from "./figure";

/**
 * The Okabe–Ito colour-blind-safe palette (black moved last), used as the `colorway` of every
 * figure and for one-line-per-group traces.
 *
 * @example
 * ```ts
 * const colour = PALETTE[i % PALETTE.length];
 * ```
 */
export const PALETTE: readonly string[] = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

/**
 * Colour of the "other" bucket and of secondary marks.
 *
 * @example
 * ```ts
 * { marker: { color: OTHER_COLOR } }
 * ```
 */
export const OTHER_COLOR = "#999999";

type Obj = Record<string, unknown>;

function isPlainObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function axisDefaults(): Obj {
  return { gridcolor: "#e5e5e5", linecolor: "#444444", zeroline: false, ticks: "outside", automargin: true };
}

/**
 * A fresh copy of the house layout: font, margins, white background, light grid, palette,
 * left-aligned title. `extra` is merged on top; plain-object values such as `xaxis`, `yaxis`,
 * `legend` or `margin` are merged one level deep, so `{ yaxis: { type: "log" } }` keeps the grid.
 *
 * @param title the title text (Plotly HTML allowed, e.g. `"Events<br><sup>by day</sup>"`)
 * @param extra layout fields to set or override
 * @returns a new layout object (nothing is shared between figures)
 * @example
 * ```ts
 * baseLayout("Events per day", { xaxis: { type: "date" }, yaxis: { title: { text: "events" } } });
 * ```
 */
export function baseLayout(title: string, extra: Obj = {}): Obj {
  const base: Obj = {
    title: { text: title, x: 0.01, xanchor: "left", font: { size: 16 } },
    font: { family: "Inter, 'Helvetica Neue', Helvetica, Arial, sans-serif", size: 13, color: "#222222" },
    margin: { l: 64, r: 24, t: 64, b: 56 },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    colorway: [...PALETTE],
    hovermode: "closest",
    showlegend: true,
    legend: { bgcolor: "rgba(255,255,255,0.6)" },
    xaxis: axisDefaults(),
    yaxis: axisDefaults(),
  };
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const prev = out[k];
    out[k] = isPlainObject(prev) && isPlainObject(v) ? { ...prev, ...v } : v;
  }
  return out;
}

/**
 * A fresh copy of the Plotly `config` every figure carries: responsive, no Plotly logo,
 * PNG export at 2× scale.
 *
 * @example
 * ```ts
 * const fig: PlotlyFigure = { data, layout, config: baseConfig() };
 * ```
 */
export function baseConfig(): Obj {
  return { responsive: true, displaylogo: false, toImageButtonOptions: { format: "png", scale: 2 } };
}

/**
 * An axis title object, `{ title: { text } }`, to spread into an axis.
 *
 * @example
 * ```ts
 * baseLayout("t", { xaxis: { ...axisTitle("hour of day") } });
 * ```
 */
export function axisTitle(text: string): Obj {
  return { title: { text } };
}

/**
 * Assembles a figure with the house layout and config.
 *
 * @param data the traces
 * @param title title text
 * @param extra layout fields merged by {@link baseLayout}
 * @example
 * ```ts
 * makeFigure([{ type: "bar", x: ["a"], y: [1] }], "Counts");
 * ```
 */
export function makeFigure(data: Obj[], title: string, extra: Obj = {}): PlotlyFigure {
  return { data, layout: baseLayout(title, extra), config: baseConfig() };
}
