import { existsSync, readFileSync } from "fs";
import { DataError } from "../util/data-error";

/**
 * Reads one numeric column of a small CSV file (a header line, comma-separated, optional double
 * quotes) as a Float64Array, e.g. AirPassengers (`Month,#Passengers`) or a daily count series.
 *
 * @param column the header name or the 0-based column index.
 * @throws DataError naming the file, the column and the line for a missing file or column, an
 *   empty file, or a value that is not a finite number.
 * @example
 * ```ts
 * const y = loadSeriesCsv(`${P.dataDir}/airpassengers/AirPassengers.csv`, "#Passengers"); // 144 values
 * ```
 */
export function loadSeriesCsv(file: string, column: string | number): Float64Array {
  if (!existsSync(file)) throw new DataError("file not found", { file });
  const lines = readFileSync(file, "utf8").split(/\r?\n|\r/).filter((l) => l.trim() !== "");
  if (lines.length < 2) throw new DataError("empty: no data line after the header", { file });
  const unquote = (s: string) => s.trim().replace(/^"(.*)"$/, "$1");
  const header = lines[0].split(",").map(unquote);
  const idx = typeof column === "number" ? column : header.indexOf(column);
  const name = typeof column === "number" ? header[column] ?? String(column) : column;
  if (idx < 0 || idx >= header.length) {
    throw new DataError(`column not found; available: ${header.join(", ")}`, { file, column: name, line: 1 });
  }
  const out = new Float64Array(lines.length - 1);
  for (let i = 1; i < lines.length; i++) {
    const raw = unquote(lines[i].split(",")[idx] ?? "");
    const v = raw === "" ? Number.NaN : Number(raw);
    if (!Number.isFinite(v)) throw new DataError(`not a finite number: '${raw}'`, { file, column: name, line: i + 1 });
    out[i - 1] = v;
  }
  return out;
}
