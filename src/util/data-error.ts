/**
 * The one error type for bad input data. Its message names the file, the column and the
 * line (1-based, as an editor shows it) whenever they are known, so a user can open the
 * file and find the problem.
 *
 * @example
 * ```ts
 * throw new DataError("timestamp is not ISO-8601: 'yesterday'", { file: "checkins.txt", column: "ts", line: 17 });
 * // Error: checkins.txt:17, column 'ts': timestamp is not ISO-8601: 'yesterday'
 * ```
 */
export class DataError extends Error {
  /** File the problem was found in, if any. */
  readonly file?: string;
  /** Column (canonical or source name) the problem concerns, if any. */
  readonly column?: string;
  /** 1-based line in the file (header included), if known. */
  readonly line?: number;

  constructor(problem: string, where: { file?: string; column?: string; line?: number } = {}) {
    const parts: string[] = [];
    if (where.file) parts.push(where.line !== undefined ? `${where.file}:${where.line}` : where.file);
    else if (where.line !== undefined) parts.push(`line ${where.line}`);
    if (where.column) parts.push(`column '${where.column}'`);
    super(parts.length ? `${parts.join(", ")}: ${problem}` : problem);
    this.name = "DataError";
    this.file = where.file;
    this.column = where.column;
    this.line = where.line;
  }
}
