import { COL, REQUIRED_COLUMNS, type ColumnName } from "../schema";

/**
 * Canonical column name -> source column name; `user`, `item` and `ts` are required by `loadEvents`.
 * @example
 * ```ts
 * const mapping: ColumnMapping = { user: "uid", item: "poi", ts: "time", lat: "latitude" };
 * ```
 */
export type ColumnMapping = Partial<Record<ColumnName, string>>;

const CANONICAL: readonly string[] = Object.values(COL);

/**
 * Checks a column mapping: keys must be canonical column names and values non-empty source
 * column names (two keys may share one source). With `requireAll` (default true) `user`, `item` and `ts` must be mapped.
 *
 * @param mapping - canonical name -> source name.
 * @param requireAll - require user, item and ts (default `true`).
 * @throws Error naming the bad key and listing the valid ones.
 * @example
 * ```ts
 * checkColumnMapping({ user: "uid", item: "poi", ts: "time" }); // ok
 * checkColumnMapping({ user: "uid", place: "poi" });             // Error: unknown canonical column 'place' …
 * ```
 */
export function checkColumnMapping(mapping: Record<string, unknown>, requireAll = true): ColumnMapping {
  for (const [key, value] of Object.entries(mapping)) {
    if (!CANONICAL.includes(key)) {
      throw new Error(`column mapping: unknown canonical column '${key}'; valid names are ${CANONICAL.join(", ")}`);
    }
    if (typeof value !== "string" || value.trim() === "") {
      throw new Error(`column mapping: '${key}' must name a source column, got ${JSON.stringify(value)}`);
    }
  }
  if (requireAll) {
    const missing = REQUIRED_COLUMNS.filter((c) => mapping[c] === undefined);
    if (missing.length > 0) {
      throw new Error(`column mapping: must map ${missing.map((c) => `'${c}'`).join(", ")} (user, item and ts are required)`);
    }
  }
  return mapping as ColumnMapping;
}

/**
 * Parses a column mapping written as text, e.g. from an environment variable:
 * `"user=uid,item=poi,ts=time"` -> `{ user: "uid", item: "poi", ts: "time" }`. Spaces around
 * names are ignored; `tzOffsetMin` is accepted for `tz_offset_min`.
 *
 * @param text - comma-separated `canonical=source` pairs.
 * @returns the mapping (checked: canonical keys, each at most once; user, item, ts not required here).
 * @throws Error naming the malformed pair or unknown key.
 * @example
 * ```ts
 * parseColumnMapping("user=uid, item=poi, ts=time, lat=latitude");
 * // { user: "uid", item: "poi", ts: "time", lat: "latitude" }
 * ```
 */
export function parseColumnMapping(text: string): ColumnMapping {
  const out: Record<string, string> = {};
  for (const pair of text.split(",").map((p) => p.trim()).filter((p) => p !== "")) {
    const eq = pair.indexOf("=");
    if (eq <= 0 || eq === pair.length - 1) {
      throw new Error(`column mapping: expected 'canonical=source' pairs separated by commas, got '${pair}' in '${text}'`);
    }
    let key = pair.slice(0, eq).trim();
    if (key === "tzOffsetMin") key = COL.tzOffsetMin;
    if (key in out) throw new Error(`column mapping: '${key}' is mapped twice in '${text}'`);
    out[key] = pair.slice(eq + 1).trim();
  }
  return checkColumnMapping(out, false);
}
