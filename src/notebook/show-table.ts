import type pl from "nodejs-polars";
import { displayBundle } from "./display-bundle";

/** Options of {@link showTable}. */
export interface ShowTableOptions {
  /** Rows shown (head). Default 10. */
  maxRows?: number;
  /** Caption above the table. */
  caption?: string;
  /** Significant digits for floats. Default 4. */
  digits?: number;
}

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function formatCell(v: unknown, digits: number): string {
  if (v === null || v === undefined) return "∅";
  if (v instanceof Date) return v.toISOString().replace(".000Z", "Z");
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-US") : Number(v.toPrecision(digits)).toString();
  if (typeof v === "bigint") return v.toLocaleString("en-US");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/**
 * HTML table of the head of a Polars frame, with its shape; plain text outside a kernel.
 *
 * @example
 * ```ts
 * showTable(report, { caption: "Cleaning report", maxRows: 20 });
 * ```
 */
export function tableHtml(df: pl.DataFrame, options: ShowTableOptions = {}): string {
  const { maxRows = 10, caption, digits = 4 } = options;
  const rows = df.head(maxRows).toRecords() as Record<string, unknown>[];
  const head = df.columns.map((c) => `<th>${escape(c)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${df.columns.map((c) => `<td>${escape(formatCell(r[c], digits))}</td>`).join("")}</tr>`)
    .join("\n");
  const shape = `${df.height.toLocaleString("en-US")} rows × ${df.width} columns${df.height > maxRows ? ` (first ${maxRows} shown)` : ""}`;
  return [
    `<table class="stbw-table">`,
    caption ? `<caption>${escape(caption)}</caption>` : "",
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${body}</tbody>`,
    `</table><div style="color:#666;font-size:smaller">${shape}</div>`,
  ].join("\n");
}

/**
 * Displays the head of a frame as a table (HTML in notebooks and reports, text elsewhere).
 * @example
 * ```ts
 * showTable(events, { maxRows: 5 });
 * ```
 */
export function showTable(df: pl.DataFrame, options: ShowTableOptions = {}): void {
  displayBundle({
    "text/html": tableHtml(df, options),
    "text/plain": `${options.caption ? options.caption + "\n" : ""}${df.head(options.maxRows ?? 10).toString()}`,
  });
}
