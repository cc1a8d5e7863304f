import { basename, extname } from "path";
import pl from "nodejs-polars";
import { COL, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type ColumnName } from "../schema";
import { DataError } from "../util/data-error";
import type { LoadReport } from "./load-report";
import { checkColumnMapping, type ColumnMapping } from "./parse-column-mapping";
import type { TsFormat } from "./parse-values";
import { assertReadableFile, LINE, readRaw, requireColumns } from "./read-raw";
import { validateEvents, type FieldRule } from "./validate-events";

/** Options of {@link loadEvents}. */
export interface LoadEventsOptions {
  /**
   * Canonical name -> source column name; must map user, item and ts. Default: every canonical
   * column name found in the header maps to itself (a file already in canonical form).
   * Without a header, source columns are named `column_1`, `column_2`, …
   */
  mapping?: ColumnMapping;
  /** `"csv"` or `"parquet"`; default from the extension (`.parquet`/`.pq` -> parquet, else csv). */
  format?: "csv" | "parquet";
  /** One-byte separator (CSV); default `"\t"` for `.tsv`/`.tab`/`.txt`, else `","`. */
  sep?: string;
  /** The first line is a header (CSV; default `true`). */
  hasHeader?: boolean;
  /** Timestamp format of the text `ts` column (default `"iso"`); ignored for a Parquet datetime column. */
  tsFormat?: TsFormat;
  /** Honour `"` quoting (CSV; default `true`). */
  quote?: boolean;
  /** Read at most this many rows (CSV; default all). */
  nRows?: number;
  /** `LoadReport.source` (default: the file name). */
  source?: string;
}

const defaults = { hasHeader: true, tsFormat: "iso" as TsFormat, quote: true };

const ORDER: readonly ColumnName[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

/** Reads a Parquet file into String columns + `__line` (1-based row), datetime `ts` as epoch-ms text. */
function readParquetRaw(file: string, mapping: ColumnMapping): { raw: pl.DataFrame; tsIsDatetime: boolean } {
  assertReadableFile(file);
  let df: pl.DataFrame;
  try {
    df = pl.readParquet(file);
  } catch (err) {
    throw new DataError(`cannot be read as Parquet: ${String((err as Error).message)}`, { file });
  }
  if (df.height === 0) throw new DataError("file is empty (no data rows)", { file });
  const sources = [...new Set(Object.values(mapping) as string[])];
  for (const s of sources) {
    if (!df.columns.includes(s)) throw new DataError(`not found; available columns: ${df.columns.join(", ")}`, { file, column: s });
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const tsType: any = df.getColumn(mapping.ts!).dtype;
  const tsIsDatetime = tsType.variant === "Datetime" || tsType.variant === "Date";
  const asText = sources.map((s) => {
    if (s === mapping.ts && tsIsDatetime) {
      const tz = tsType.variant === "Datetime" ? tsType.inner?.[1] || undefined : undefined;
      return pl.col(s).cast(pl.Datetime("ms", tz)).cast(pl.Int64).cast(pl.Utf8).alias(s);
    }
    return pl.col(s).cast(pl.Utf8).alias(s);
  });
  return { raw: df.select(...asText).withRowIndex(LINE, 1), tsIsDatetime };
}

/**
 * Loads any event table in CSV (or TSV…) or Parquet through a column mapping from canonical
 * names to source names, with the same validation as the dataset loaders: rows with a missing
 * or unparsable user/item/ts, or unparsable rating/coordinates/tz offset, are dropped and
 * counted; empty optional values stay null.
 *
 * @param file - path of the file.
 * @param options - mapping, format, separator, header, timestamp format; see {@link LoadEventsOptions}.
 * @returns `frame` with user, item, ts and the mapped optional columns in canonical order; and its `report`.
 *   For Parquet, `line` in drop examples is the 1-based row.
 * @throws DataError naming the file when missing or empty, naming the column (and listing the
 *   available ones) when the mapping names a column that is absent, or naming the column and
 *   first bad line when every row is bad; Error for an invalid mapping or option.
 * @example
 * ```ts
 * const { frame } = loadEvents("checkins.csv", { mapping: { user: "uid", item: "poi", ts: "time" }, tsFormat: "unix_s" });
 * const sample = loadEvents("data/sample/events.csv"); // canonical CSV: mapping from the header
 * ```
 */
export function loadEvents(file: string, options: LoadEventsOptions = {}): { frame: pl.DataFrame; report: LoadReport } {
  const o = { ...defaults, ...options };
  const ext = extname(file).toLowerCase();
  const format = o.format ?? ([".parquet", ".pq"].includes(ext) ? "parquet" : "csv");
  if (format !== "csv" && format !== "parquet") throw new Error(`format must be "csv" or "parquet", got ${JSON.stringify(format)}`);
  if (o.mapping) checkColumnMapping(o.mapping);

  let raw: pl.DataFrame;
  let mapping: ColumnMapping;
  let tsFormat = o.tsFormat;
  if (format === "parquet") {
    if (!o.mapping) {
      assertReadableFile(file);
      mapping = identityMapping(pl.readParquet(file, { numRows: 0 }).columns, file);
    } else mapping = o.mapping;
    const read = readParquetRaw(file, mapping);
    raw = read.raw;
    if (read.tsIsDatetime) tsFormat = "unix_ms";
  } else {
    const sep = o.sep ?? ([".tsv", ".tab", ".txt"].includes(ext) ? "\t" : ",");
    raw = readRaw(file, { sep, hasHeader: o.hasHeader, quote: o.quote, nRows: o.nRows });
    mapping = o.mapping ?? identityMapping(raw.columns.filter((c) => c !== LINE), file, sep);
    requireColumns(raw, [...new Set(Object.values(mapping) as string[])], { file, sep });
  }

  const rules: FieldRule[] = ORDER.filter((c) => mapping[c] !== undefined).map((c) =>
    c === COL.ts ? { column: c, from: mapping[c], ts: tsFormat } : { column: c, from: mapping[c] },
  );
  const notes = [`columns: ${rules.map((r) => (r.column === r.from ? r.column : `${r.column} <- ${r.from}`)).join(", ")}`];
  return validateEvents(raw, rules, { source: o.source ?? basename(file), file, notes });
}

/** Mapping of every canonical column present in `columns` to itself. */
function identityMapping(columns: string[], file: string, sep?: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const c of ORDER) if (columns.includes(c)) mapping[c] = c;
  const missing = REQUIRED_COLUMNS.find((c) => mapping[c] === undefined);
  if (missing !== undefined) {
    const hint = columns.length === 1 && sep !== undefined ? ` (one column found with separator ${JSON.stringify(sep)}: wrong separator?)` : "";
    throw new DataError(
      `not found and no mapping given; available columns: ${columns.join(", ")}${hint}. Pass options.mapping, e.g. { user: "uid", item: "poi", ts: "time" }`,
      { file, column: missing },
    );
  }
  return mapping;
}
