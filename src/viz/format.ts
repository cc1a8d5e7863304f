/**
 * Formats an integer with thousands separators, independent of the locale: `1234567` → `"1,234,567"`.
 *
 * @example
 * ```ts
 * formatInt(20000); // "20,000"
 * ```
 */
export function formatInt(n: number): string {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${s}` : s;
}

/**
 * Formats epoch milliseconds (naive wall time) as a Plotly date string without a zone suffix:
 * `"2024-01-31 13:00:00"`, or `"2024-01-31"` with `dateOnly`. Plotly reads it as wall time.
 *
 * @example
 * ```ts
 * formatMs(Date.UTC(2024, 0, 31, 13));       // "2024-01-31 13:00:00"
 * formatMs(Date.UTC(2024, 0, 31), true);     // "2024-01-31"
 * ```
 */
export function formatMs(ms: number, dateOnly = false): string {
  const iso = new Date(ms).toISOString(); // "2024-01-31T13:00:00.000Z"
  return dateOnly ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/**
 * Converts column values to JSON-safe Plotly values: `Date` → date string (UTC wall time),
 * `bigint` → number, `NaN`/`±Infinity` → `null` (JSON would turn them into `null` anyway, so
 * figures round-trip through `JSON.stringify` unchanged).
 *
 * @example
 * ```ts
 * toPlotValues([1, NaN, new Date(0)]); // [1, null, "1970-01-01 00:00:00"]
 * ```
 */
export function toPlotValues(values: ArrayLike<unknown>): (number | string | boolean | null)[] {
  const out: (number | string | boolean | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) out[i] = null;
    else if (typeof v === "number") out[i] = Number.isFinite(v) ? v : null;
    else if (typeof v === "bigint") out[i] = Number(v);
    else if (v instanceof Date) out[i] = Number.isNaN(v.getTime()) ? null : formatMs(v.getTime());
    else if (typeof v === "string" || typeof v === "boolean") out[i] = v;
    else out[i] = String(v);
  }
  return out;
}
