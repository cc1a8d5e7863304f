import type pl from "nodejs-polars";
import { COL, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from "../schema";

/** Options of {@link formatEventsCsv}. */
export interface FormatEventsCsvOptions {
  /** Decimals of the `lat` and `lon` columns. Default `6` (about 0.1 m). */
  coordinateDecimals?: number;
}

const defaults = { coordinateDecimals: 6 };

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** ISO-8601 UTC without milliseconds when they are zero: `2024-03-01T08:15:00Z`. */
function isoUtc(d: Date): string {
  const s = d.toISOString();
  return s.endsWith(".000Z") ? `${s.slice(0, -5)}Z` : s;
}

/**
 * Writes an event frame as CSV text, deterministically: a header, then one line per row
 * (`\n` line ends, final newline). Canonical columns come first in canonical order
 * (user, item, ts, event, rating, category, lat, lon, tz_offset_min, text), then any other
 * columns in frame order. Datetime values are ISO-8601 UTC (`2024-03-01T08:15:00Z`, with
 * `.sss` only when milliseconds are non-zero); `lat`/`lon` have `coordinateDecimals` decimals;
 * other numbers use JavaScript's shortest round-trip form; null is an empty field; text is
 * quoted (RFC 4180) only when it holds a comma, quote or line break.
 *
 * @param df event frame (not mutated).
 * @param options see {@link FormatEventsCsvOptions}.
 * @returns the CSV text.
 * @example
 * ```ts
 * const csv = formatEventsCsv(generateEvents().frame);
 * csv.split("\n")[0]; // "user,item,ts,event,category,lat,lon,tz_offset_min,text"
 * ```
 */
export function formatEventsCsv(df: pl.DataFrame, options: FormatEventsCsvOptions = {}): string {
  const decimals = options.coordinateDecimals ?? defaults.coordinateDecimals;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new Error(`coordinateDecimals must be an integer in [0, 15], got ${decimals}`);
  }
  const canonical: string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  const present = new Set(df.columns);
  const names = [...canonical.filter((c) => present.has(c)), ...df.columns.filter((c) => !canonical.includes(c))];
  const columns = names.map((name) => {
    const values = df.getColumn(name).toArray() as unknown[];
    const coordinate = name === COL.lat || name === COL.lon;
    return values.map((v): string => {
      if (v === null || v === undefined) return "";
      if (v instanceof Date) return isoUtc(v);
      if (typeof v === "number") return coordinate ? v.toFixed(decimals) : String(v);
      if (typeof v === "bigint" || typeof v === "boolean") return String(v);
      return quote(String(v));
    });
  });
  const lines: string[] = [names.map(quote).join(",")];
  for (let i = 0; i < df.height; i++) {
    let line = columns[0][i];
    for (let k = 1; k < columns.length; k++) line += "," + columns[k][i];
    lines.push(line);
  }
  return lines.join("\n") + "\n";
}
