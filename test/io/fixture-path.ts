import { resolve } from "path";

/** Absolute path of a file under test/fixtures/io/. */
export const fixture = (...parts: string[]): string => resolve(__dirname, "..", "fixtures", "io", ...parts);

/** Epoch ms of an ISO instant, for comparing `ts` values. */
export const ms = (iso: string): number => new Date(iso).getTime();

/** Canonical Polars type of each column, as `String(dtype)`. */
export const CANONICAL_TYPES: Record<string, string> = {
  user: "DataType(String)",
  item: "DataType(String)",
  ts: "DataType(Datetime(ms,))",
  event: "DataType(String)",
  rating: "DataType(Float64)",
  category: "DataType(String)",
  lat: "DataType(Float64)",
  lon: "DataType(Float64)",
  tz_offset_min: "DataType(Int32)",
  text: "DataType(String)",
};

/** `{ column: String(dtype) }` of a frame, to compare with {@link CANONICAL_TYPES}. */
export function typesOf(frame: { columns: string[]; dtypes: unknown[] }): Record<string, string> {
  return Object.fromEntries(frame.columns.map((c, i) => [c, String(frame.dtypes[i])]));
}

/** The canonical types restricted to `columns`, in that order. */
export function canonicalTypes(columns: string[]): Record<string, string> {
  return Object.fromEntries(columns.map((c) => [c, CANONICAL_TYPES[c]]));
}

/** Rows of a frame with `ts` as ISO strings (easier to compare with hand-written values). */
export function rowsOf(frame: { toRecords(): Record<string, unknown>[] }): Record<string, unknown>[] {
  return frame.toRecords().map((r) => ({ ...r, ...(r.ts instanceof Date ? { ts: r.ts.toISOString() } : {}) }));
}
