/**
 * The first step of every text loader: read a delimited file with Polars, every column as
 * String, with the 1-based line number of each row in `__line`. Parsing, validation and
 * counting of bad rows happen afterwards, on these strings (see `validateEvents`).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "fs";
import pl from "nodejs-polars";
import { DataError } from "../util/data-error";
import { toUtf8 } from "./text-bytes";

/**
 * Name of the column holding the 1-based line number of each row in its file.
 * @example
 * ```ts
 * readRaw("u.data", { sep: "\t" }).getColumn(LINE).get(0); // 1
 * ```
 */
export const LINE = "__line";

/** How to read one delimited text file. */
export interface RawTableSpec {
  /** One-byte field separator, e.g. `"\t"`. */
  sep: string;
  /** How the separator is named in messages; default derived from `sep` (e.g. `tab ("\t")`). */
  sepLabel?: string;
  /** The first line is a header (default `false`). */
  hasHeader?: boolean;
  /**
   * Names for the columns, in file order (files without header). One of the first 100 lines must
   * have at least this many fields; missing fields are null, extra ones dropped. Default: keep
   * Polars' names (`column_1`…) or the header.
   */
  names?: readonly string[];
  /** How the expected columns are described in messages; default `N columns (names…)`. */
  expected?: string;
  /** Honour `"` quoting (default `false`: quotes are ordinary characters, as in SNAP / MovieLens files). */
  quote?: boolean;
  /** `"auto"` (default): UTF-8, falling back to latin-1 when the file is not valid UTF-8; `"latin1"`: always latin-1. */
  encoding?: "auto" | "latin1";
  /** Byte-level rewrite before parsing (e.g. `collapseWhitespace`); it must keep line breaks. Default: none. */
  transform?: (bytes: Buffer) => Buffer;
  /** Read at most this many data rows (default: all). */
  nRows?: number;
}

const defaults = { hasHeader: false, quote: false, encoding: "auto" as "auto" | "latin1" };

/**
 * Fails with a `DataError` naming the file when it is missing, a folder, or empty.
 *
 * @param file - path to check.
 * @example
 * ```ts
 * assertReadableFile("data/u.data"); // DataError: data/u.data: file not found
 * ```
 */
export function assertReadableFile(file: string): void {
  if (!existsSync(file)) throw new DataError("file not found", { file });
  const st = statSync(file);
  if (st.isDirectory()) throw new DataError("is a folder, expected a file", { file });
  if (st.size === 0) throw new DataError("file is empty (0 bytes)", { file });
}

/**
 * Names a separator for an error message.
 * @example
 * ```ts
 * describeSep("\t"); // 'tab ("\\t")'
 * ```
 */
export function describeSep(sep: string): string {
  const names: Record<string, string> = { "\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe", " ": "space", ":": "colon" };
  return `${names[sep] ?? "separator"} (${JSON.stringify(sep)})`;
}

/**
 * Reads a delimited text file into a DataFrame of String columns plus `__line` (UInt32, the
 * 1-based line of the row in the file, header counted). Blank lines are kept as all-null rows
 * so that line numbers stay exact. Reads lazily with `scanCSV` when the file needs no byte-level
 * rewrite and is valid UTF-8; otherwise from memory.
 *
 * @param file - path of the file.
 * @param spec - separator, header, column names, quoting, encoding.
 * @returns String columns (named by `spec.names` or the header) and `__line`.
 * @throws DataError naming the file when it is missing, empty, unreadable, or when none of its
 *   first lines has as many fields as `spec.names` (wrong separator or format).
 * @example
 * ```ts
 * const raw = readRaw("u.data", { sep: "\t", names: ["user", "item", "rating", "ts"] });
 * raw.columns; // ["__line", "user", "item", "rating", "ts"]
 * ```
 */
export function readRaw(file: string, spec: RawTableSpec): pl.DataFrame {
  const o = { ...defaults, ...spec };
  assertReadableFile(file);
  const offset = o.hasHeader ? 2 : 1;
  const bytes = o.transform || o.encoding === "latin1" ? (o.transform ?? ((b: Buffer) => b))(toUtf8(readFileSync(file), o.encoding)) : undefined;
  if (o.names) checkFieldCount(bytes ?? readHead(file), o, file);
  const csvOptions = {
    sep: o.sep,
    hasHeader: o.hasHeader,
    inferSchemaLength: 0, // every column as String
    quoteChar: o.quote ? '"' : "",
    truncateRaggedLines: true,
    ignoreErrors: false,
    // with names: exactly these columns, missing fields null, extra fields dropped
    ...(o.names ? { schema: Object.fromEntries(o.names.map((n) => [n, pl.Utf8])) } : {}),
    ...(o.nRows !== undefined ? { nRows: o.nRows } : {}),
  };
  const fromBytes = (b: Buffer) => pl.readCSV(b, csvOptions).withRowIndex(LINE, offset);
  let df: pl.DataFrame;
  try {
    if (bytes) df = fromBytes(bytes);
    else {
      try {
        df = pl.scanCSV(file, csvOptions).withRowIndex(LINE, offset).collectSync();
      } catch (err) {
        if (!/utf-?8/i.test(String((err as Error).message))) throw err;
        df = fromBytes(toUtf8(readFileSync(file), "latin1"));
      }
    }
  } catch (err) {
    const msg = String((err as Error).message);
    if (/empty|no data/i.test(msg)) throw new DataError("file is empty (no data rows)", { file });
    throw new DataError(`cannot be read as ${describeSep(o.sep)}-separated text: ${msg}`, { file });
  }
  if (df.height === 0) throw new DataError(`file is empty (no data rows${o.hasHeader ? " after the header" : ""})`, { file });
  return df;
}

/** Lines looked at to count the fields of a file. */
const HEAD_LINES = 100;

/** The first 64 KiB of a file. */
function readHead(file: string): Buffer {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(65536);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** Fails when none of the first non-blank lines has as many fields as `spec.names`. */
function checkFieldCount(head: Buffer, spec: RawTableSpec, file: string): void {
  const names = spec.names!;
  const lines = head.subarray(0, 65536).toString("utf8").split("\n").slice(0, HEAD_LINES + 1);
  const found = lines
    .filter((l) => l.trim() !== "")
    .slice(spec.hasHeader ? 1 : 0, HEAD_LINES)
    .reduce((mx, l) => Math.max(mx, l.split(spec.sep).length), 0);
  if (found === 0 || found >= names.length) return;
  throw new DataError(
    `expected ${spec.expected ?? `${names.length} columns (${names.join(", ")})`} separated by ${spec.sepLabel ?? describeSep(spec.sep)}, ` +
      `but found ${found} column${found === 1 ? "" : "s"} in the first lines: wrong separator or wrong file format?`,
    { file },
  );
}

/**
 * Checks that a raw table read with a header has the named columns.
 *
 * @param raw - table from `readRaw` with `hasHeader: true`.
 * @param names - source column names that must be present.
 * @param where - file and separator, for the message.
 * @throws DataError naming the first missing column and listing the available ones (with a
 *   hint about the separator when the header was read as a single column).
 * @example
 * ```ts
 * requireColumns(raw, ["userId", "movieId"], { file: "ratings.csv", sep: "," });
 * // DataError: ratings.csv, column 'movieId': not found; available columns: userId, itemId, rating
 * ```
 */
export function requireColumns(raw: pl.DataFrame, names: readonly string[], where: { file: string; sep: string }): void {
  const available = raw.columns.filter((c) => c !== LINE);
  const missing = names.find((n) => !available.includes(n));
  if (missing === undefined) return;
  const hint =
    available.length === 1
      ? ` (the header was read as one column with ${describeSep(where.sep)} as separator: wrong separator?)`
      : "";
  throw new DataError(`not found; available columns: ${available.join(", ")}${hint}`, { file: where.file, column: missing });
}
