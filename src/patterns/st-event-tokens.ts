/**
 * The tokens of each event, interned to integers (CSR layout), for {@link buildBaskets}'s
 * typed-array grouping loop.
 */
import pl from "nodejs-polars";
import { denseCodes } from "../clean/frame-access";
import { DataError } from "../util/data-error";
import { ST_PREFIX } from "./st-tokens";

/** Tokens of every row: row i has `ids[rowStart[i] .. rowStart[i + 1])`, labels in `labels`. @internal */
export interface StEventTokens {
  labels: string[];
  rowStart: Int32Array;
  ids: Int32Array;
  /** Token sources whose value was null (no token written). */
  nullTokens: number;
}

/** Where the tokens of an event come from. @internal */
export interface StTokenSources {
  /** String columns, each with the prefix its labels get. */
  columns: { column: string; prefix: string }[];
  /** A List(String) column of extra tokens, or null. */
  context: string | null;
}

/**
 * Interns the tokens of each row: each column's values through Polars' categorical codes (no
 * per-row string work), the context lists through a Map.
 * @internal
 * @example
 * ```ts
 * const tok = stEventTokens(df, { columns: [{ column: "category", prefix: "cat:" }], context: null });
 * tok.labels[tok.ids[tok.rowStart[0]]]; // "cat:Gym"
 * ```
 */
export function stEventTokens(df: pl.DataFrame, sources: StTokenSources): StEventTokens {
  const n = df.height;
  const labels: string[] = [];
  const index = new Map<string, number>();
  const intern = (label: string): number => {
    let id = index.get(label);
    if (id === undefined) {
      id = labels.length;
      labels.push(label);
      index.set(label, id);
    }
    return id;
  };
  const perColumn: { codes: Uint32Array; base: Int32Array }[] = [];
  for (const { column, prefix } of sources.columns) {
    if (!df.columns.includes(column)) throw new DataError(`buildBaskets needs column '${column}' (frame has: ${df.columns.join(", ")})`, { column });
    const { codes, n: nCodes, nullCode } = denseCodes(df, column);
    const firstRow = new Array<number>(nCodes).fill(-1);
    for (let i = 0; i < n; i++) if (firstRow[codes[i]] < 0) firstRow[codes[i]] = i;
    const values = df.getColumn(column).cast(pl.String).gather(firstRow).toArray() as (string | null)[];
    const base = new Int32Array(nCodes);
    for (let c = 0; c < nCodes; c++) base[c] = c === nullCode ? -1 : intern(prefix + values[c]);
    perColumn.push({ codes, base });
  }
  let extra: (string[] | null)[] | null = null;
  if (sources.context !== null) {
    const c = sources.context;
    if (!df.columns.includes(c)) throw new DataError(`buildBaskets: context column '${c}' is absent; add it with addContextTokens`, { column: c });
    const dtype = df.getColumn(c).dtype;
    if (dtype.variant !== "List") throw new DataError(`buildBaskets: context column must be List(String), got ${String(dtype)}`, { column: c });
    extra = df.getColumn(c).toArray() as unknown as (string[] | null)[];
  }
  const rowStart = new Int32Array(n + 1);
  let nullTokens = 0;
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (const s of perColumn) {
      if (s.base[s.codes[i]] < 0) nullTokens++;
      else k++;
    }
    const more = extra?.[i];
    if (more) for (const t of more) if (t !== null) k++;
    rowStart[i + 1] = rowStart[i] + k;
  }
  const ids = new Int32Array(rowStart[n]);
  for (let i = 0, k = 0; i < n; i++) {
    for (const s of perColumn) {
      const id = s.base[s.codes[i]];
      if (id >= 0) ids[k++] = id;
    }
    const more = extra?.[i];
    if (!more) continue;
    for (const t of more) if (t !== null) ids[k++] = intern(t);
  }
  return { labels, rowStart, ids, nullTokens };
}

/**
 * The token columns of a basket mode.
 * @internal
 * @example
 * ```ts
 * stTokenColumns(false, "both", cols); // [{ column: "item", prefix: "" }, { column: "category", prefix: "cat:" }]
 * ```
 */
export function stTokenColumns(coVisit: boolean, itemAs: "item" | "category" | "both", cols: { user: string; item: string; category: string }): StTokenSources["columns"] {
  if (coVisit) return [{ column: cols.user, prefix: ST_PREFIX.user }];
  const out: StTokenSources["columns"] = [];
  if (itemAs !== "category") out.push({ column: cols.item, prefix: "" });
  if (itemAs !== "item") out.push({ column: cols.category, prefix: ST_PREFIX.category });
  return out;
}
