/** Why a loader dropped a row, with how many and a few examples. */
export interface DropReason {
  /** Short machine-readable reason, e.g. `unparsable_ts`, `missing_user`, `nan_coordinates`. */
  reason: string;
  /** Rows dropped for this reason. */
  count: number;
  /** Up to a few examples: 1-based line in the source file and the raw values. */
  examples: { line: number; values: string }[];
}

/**
 * What a loader did: rows read from the source, rows kept, and every dropped row counted
 * by reason. `rowsRead === rowsKept + sum(dropped.count)` always holds.
 *
 * @example
 * ```ts
 * const { frame, report } = loadSnapCheckins("loc-gowalla_totalCheckins.txt");
 * console.log(formatLoadReport(report));
 * ```
 */
export interface LoadReport {
  /** Dataset or format name, e.g. `movielens-100k`. */
  source: string;
  /** File(s) read. */
  files: string[];
  rowsRead: number;
  rowsKept: number;
  dropped: DropReason[];
  /** Extra notes (e.g. "timestamps interpreted as UTC"). */
  notes: string[];
}

/** Total rows dropped in a report. */
export function droppedTotal(report: LoadReport): number {
  return report.dropped.reduce((s, d) => s + d.count, 0);
}

/**
 * One-paragraph human summary of a load report.
 * @example
 * ```ts
 * formatLoadReport(report); // "gowalla-nyc: read 138,957 rows, kept 138,957, dropped 0"
 * ```
 */
export function formatLoadReport(report: LoadReport): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const head = `${report.source}: read ${n(report.rowsRead)} rows, kept ${n(report.rowsKept)}, dropped ${n(droppedTotal(report))}`;
  const lines = report.dropped
    .filter((d) => d.count > 0)
    .map((d) => `  - ${d.reason}: ${n(d.count)}${d.examples.length ? ` (e.g. line ${d.examples[0].line}: ${d.examples[0].values})` : ""}`);
  return [head, ...lines, ...report.notes.map((t) => `  note: ${t}`)].join("\n");
}
