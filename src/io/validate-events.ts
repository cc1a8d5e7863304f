/**
 * The shared second step of every loader: parse raw String columns into the canonical event
 * schema, drop the rows that cannot be parsed, count them by reason with a few examples
 * (line number + raw values), and build the `LoadReport`.
 */
import pl from "nodejs-polars";
import { COL, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type ColumnName } from "../schema";
import { DataError } from "../util/data-error";
import type { DropReason, LoadReport } from "./load-report";
import { N, selectN, withColumnsN, type NExpr } from "./native-expr";
import { emptyToNullN, finiteOrNullN, msToTsN, parseIsoSeries, toEpochMsN, type TsFormat } from "./parse-values";
import { LINE } from "./read-raw";

/**
 * How one canonical column is obtained from the raw table.
 * @example
 * ```ts
 * const rules: FieldRule[] = [
 *   { column: "user", from: "uid" },
 *   { column: "item", from: "poi" },
 *   { column: "ts", from: "time", ts: "unix_s" },
 *   { column: "event", from: "behavior", values: { pv: "view", buy: "buy" } },
 *   { column: "text", constant: "imported" },
 * ];
 * ```
 */
export interface FieldRule {
  /** Canonical output column. Its kind (id, timestamp, number…) follows from the name. */
  column: ColumnName;
  /** Raw String column that holds it. Exactly one of `from` / `constant` is set. */
  from?: string;
  /** A value given to every row (e.g. `event = "rating"`). */
  constant?: string;
  /** Timestamp format of `ts` (default `"iso"`). */
  ts?: TsFormat;
  /** For text columns: map raw values to output values; a value not in the map drops the row (`unknown_<column>`). */
  values?: Record<string, string>;
}

/** Where the rows came from, for the report and error messages. */
export interface ValidateContext {
  /** Dataset / format name for `LoadReport.source`. */
  source: string;
  /** The file the raw rows (and their line numbers) come from. */
  file: string;
  /** All files read (default `[file]`). */
  files?: string[];
  /** Notes for the report. */
  notes?: string[];
  /** Raw columns shown in drop examples, in this order (default: the raw columns the rules read, in table order). */
  exampleColumns?: readonly string[];
}

/** Largest |tz offset| that fits Int32; range checks (e.g. ±18 h) are left to cleaning. */
const MAX_INT32 = 2 ** 31 - 1;
/** Examples kept per drop reason. */
const MAX_EXAMPLES = 3;
const REASON = "__reason";

interface Check {
  reason: string;
  column?: string;
  bad: NExpr;
}

// temporary column names of the stages
const S = (c: string) => `__s_${c}`; // stripped raw text
const A = (c: string) => `__a_${c}`; // first parse step (number / epoch ms / text)
const B = (c: string) => `__b_${c}`; // raw is blank
const P = (c: string) => `__p_${c}`; // final canonical value
const ISO_MS = "__iso_ms";

/** Stage 2: stripped text -> first parse step. */
function firstStep(rule: FieldRule): NExpr {
  if (rule.constant !== undefined) return N.cast(N.lit(rule.constant), pl.Utf8);
  const s = N.col(S(rule.column));
  switch (rule.column) {
    case COL.ts:
      return (rule.ts ?? "iso") === "iso" ? N.col(ISO_MS) : toEpochMsN(s, rule.ts!);
    case COL.rating:
    case COL.lat:
    case COL.lon:
      return N.cast(s, pl.Float64);
    case COL.tzOffsetMin:
      return N.cast(s, pl.Int64);
    case COL.text:
      return emptyToNullN(N.col(rule.from!)); // titles and names keep their spaces
    case COL.user:
    case COL.item:
      return s; // blank ids are dropped (missing_user / missing_item), so no empty-to-null needed
    default: {
      const text = emptyToNullN(s);
      if (!rule.values) return text;
      const entries = Object.entries(rule.values);
      let mapped = N.cast(N.lit(null), pl.Utf8);
      for (let i = entries.length - 1; i >= 0; i--) mapped = N.when(N.eq(text, N.lit(entries[i][0])), N.lit(entries[i][1]), mapped);
      return N.cast(mapped, pl.Utf8);
    }
  }
}

/** Stage 3: first parse step -> checked canonical value. */
function secondStep(rule: FieldRule): NExpr {
  const a = N.col(A(rule.column));
  if (rule.constant !== undefined) return a;
  switch (rule.column) {
    case COL.ts:
      return msToTsN(a);
    case COL.rating:
    case COL.lat:
    case COL.lon:
      // finite numbers only; out-of-range values are parsable and left to cleaning (dropImpossible)
      return finiteOrNullN(a);
    case COL.tzOffsetMin:
      return N.cast(N.when(N.ltEq(N.abs(a), N.lit(MAX_INT32)), a, N.lit(null)), pl.Int32);
    default:
      return a;
  }
}

/** The checks of one rule, in the order they are tested. */
function checksOf(rule: FieldRule): Check[] {
  if (rule.from === undefined) return [];
  const c = rule.column;
  const blank = N.col(B(c));
  const unparsable = N.and(N.not(blank), N.isNull(N.col(P(c))));
  const check = (reason: string, bad: NExpr): Check => ({ reason, column: rule.from, bad });
  if (c === COL.user || c === COL.item) return [check(`missing_${c}`, blank)];
  if (c === COL.ts) return [check("missing_ts", blank), check("unparsable_ts", unparsable)];
  if (c === COL.rating) return [check("bad_rating", unparsable)];
  if (c === COL.lat || c === COL.lon) return [check("bad_coordinates", unparsable)];
  if (c === COL.tzOffsetMin) return [check("bad_tz_offset", unparsable)];
  if (rule.values) return [check(`unknown_${c}`, unparsable)];
  return [];
}

function formatValues(row: Record<string, unknown>, rawCols: string[]): string {
  return rawCols.map((c) => `${c}=${row[c] === null || row[c] === undefined ? "null" : JSON.stringify(row[c])}`).join(", ");
}

/**
 * Parses the raw String columns named by `rules` into canonical typed columns, drops the rows
 * that are blank, miss user/item/ts, or hold unparsable text (timestamp, rating, coordinates,
 * tz offset, unknown mapped value) and reports them by reason, each with up to 3 examples
 * (1-based line + raw values). Empty optional values stay null and are kept; parsable but
 * impossible values (latitude 120, a rating of 42, a year 2099) are kept for the cleaning verbs.
 *
 * Reasons, tested in canonical column order (a row counts once, for the first that applies):
 * `blank_line`, `missing_user`, `missing_item`, `missing_ts`, `unparsable_ts`, `unknown_event`
 * (a mapped value outside `values`), `bad_rating` (unparsable, NaN or infinite),
 * `bad_coordinates` (lat or lon unparsable, NaN or infinite), `bad_tz_offset` (not a whole
 * number of minutes).
 *
 * @param raw - String columns plus `__line` (from `readRaw`).
 * @param rules - one rule per output column; must include user, item and ts.
 * @param ctx - source name, file(s), notes.
 * @returns the canonical frame (user, item, ts, then the optional columns present, in
 *   `OPTIONAL_COLUMNS` order) and its `LoadReport`.
 * @throws DataError naming the column and the first bad line when every row is dropped.
 * @example
 * ```ts
 * const raw = readRaw("u.data", { sep: "\t", names: ["user", "item", "rating", "ts"] });
 * const { frame, report } = validateEvents(raw, [
 *   { column: "user", from: "user" }, { column: "item", from: "item" },
 *   { column: "ts", from: "ts", ts: "unix_s" }, { column: "rating", from: "rating" },
 * ], { source: "movielens-100k", file: "u.data" });
 * ```
 */
export function validateEvents(raw: pl.DataFrame, rules: FieldRule[], ctx: ValidateContext): { frame: pl.DataFrame; report: LoadReport } {
  const byColumn = new Map(rules.map((r) => [r.column, r] as const));
  for (const c of REQUIRED_COLUMNS) {
    if (!byColumn.get(c)?.from) throw new Error(`validateEvents: rules must read column '${c}' from the raw table`);
  }
  const order = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].filter((c) => byColumn.has(c));
  const read = order.map((c) => byColumn.get(c)!).filter((r) => r.from !== undefined);
  const rawCols = raw.columns.filter((c) => c !== LINE && read.some((r) => r.from === c));
  const shownCols = ctx.exampleColumns ? [...ctx.exampleColumns] : rawCols;

  const checks: Check[] = [];
  if (read.length > 0) checks.push({ reason: "blank_line", bad: read.map((r) => N.col(B(r.column))).reduce((a, b) => N.and(a, b)) });
  for (const c of order) checks.push(...checksOf(byColumn.get(c)!));
  // reason as a small integer code (the index of the first failing check), named only for the report
  let reason = N.cast(N.lit(null), pl.Int32);
  for (let i = checks.length - 1; i >= 0; i--) reason = N.when(checks[i].bad, N.lit(i), reason);

  const tsRule = byColumn.get(COL.ts)!;
  const withIso = (tsRule.ts ?? "iso") === "iso" ? raw.withColumns(parseIsoSeries(raw.getColumn(tsRule.from!)).alias(ISO_MS)) : raw;
  let plan = withColumnsN(withIso.lazy(), read.map((r) => N.alias(N.strip(N.col(r.from!)), S(r.column))));
  plan = withColumnsN(plan, [
    ...order.map((c) => N.alias(firstStep(byColumn.get(c)!), A(c))),
    ...read.map((r) => N.alias(N.eq(N.fillNull(N.col(S(r.column)), N.lit("")), N.lit("")), B(r.column))),
  ]);
  plan = withColumnsN(plan, order.map((c) => N.alias(secondStep(byColumn.get(c)!), P(c))));
  const parsed = selectN(plan, [N.col(LINE), N.alias(N.cast(reason, pl.Int32), REASON), ...order.map((c) => N.alias(N.col(P(c)), c))]).collectSync();

  const rowsRead = parsed.height;
  const nBad = rowsRead - parsed.getColumn(REASON).nullCount();
  const report: LoadReport = { source: ctx.source, files: ctx.files ?? [ctx.file], rowsRead, rowsKept: rowsRead - nBad, dropped: [], notes: [...(ctx.notes ?? [])] };
  if (nBad === 0) return { frame: parsed.select(...order), report };

  const bad = parsed.filter(pl.col(REASON).isNotNull());
  const codes = bad.getColumn(REASON).toArray() as number[];
  const lines = bad.getColumn(LINE).toArray() as number[];
  const byReason = new Map<string, DropReason>();
  for (let i = 0; i < codes.length; i++) {
    const name = checks[codes[i]].reason;
    let d = byReason.get(name);
    if (!d) byReason.set(name, (d = { reason: name, count: 0, examples: [] }));
    d.count++;
    if (d.examples.length < MAX_EXAMPLES) d.examples.push({ line: Number(lines[i]), values: "" });
  }
  // report reasons in the order they are tested
  report.dropped = [...new Set(checks.map((c) => c.reason))].flatMap((r) => (byReason.has(r) ? [byReason.get(r)!] : []));
  const exampleLines = report.dropped.flatMap((d) => d.examples.map((e) => e.line));
  const rawRows = new Map<number, Record<string, unknown>>();
  for (const row of raw.filter(pl.col(LINE).isIn(exampleLines)).toRecords()) rawRows.set(Number(row[LINE]), row);
  for (const d of report.dropped) for (const ex of d.examples) ex.values = formatValues(rawRows.get(ex.line) ?? {}, shownCols);

  if (report.rowsKept === 0) throw allBadError(report.dropped, checks, ctx.file, rowsRead);
  return { frame: parsed.filter(pl.col(REASON).isNull()).select(...order), report };
}

function allBadError(dropped: DropReason[], checks: Check[], file: string, rowsRead: number): DataError {
  if (dropped.length === 1 && dropped[0].reason === "blank_line") return new DataError("file is empty (only blank lines)", { file });
  const first = dropped.map((d) => ({ d, ex: d.examples[0] })).sort((a, b) => a.ex.line - b.ex.line)[0];
  const column = checks.find((c) => c.reason === first.d.reason)?.column;
  const counts = dropped.map((d) => `${d.reason}: ${d.count}`).join(", ");
  return new DataError(
    `every one of the ${rowsRead} rows was dropped (${counts}); first bad row is ${first.d.reason}: ${first.ex.values}`,
    { file, column, line: first.ex.line },
  );
}
