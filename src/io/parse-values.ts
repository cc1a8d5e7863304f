/**
 * Expressions that turn raw String columns into canonical typed columns. Each parser yields
 * null where the text cannot be parsed, so a validator can tell "missing" (raw null) from
 * "unparsable" (raw present, parsed null) and count both.
 *
 * The building blocks come in two steps so that a validator can materialise the first one and
 * never parse a string twice: `toEpochMsN` / cast (string -> raw number) then `msToTsN` /
 * `finiteOrNullN` (number -> checked canonical value). They work on native expressions (see
 * `native-expr.ts`); `parseTimestamp` is the public `pl.Expr` form.
 */
import pl from "nodejs-polars";
import { fromExpr, N, selectN, toExpr, withColumnsN as withN, type NExpr } from "./native-expr";

/**
 * How timestamps are written: `"unix_s"` (seconds since 1970-01-01 UTC, decimals allowed),
 * `"unix_ms"` (milliseconds), `"iso"` (ISO-8601: `2024-03-01T08:15:00Z`, with optional
 * fraction, `+02:00`/`+0200` offset, space instead of `T`, minutes-only or date-only; no offset
 * means UTC) or any strftime format such as `"%d/%m/%Y %H:%M"` (with `%z` the offset is applied,
 * without it the wall time is taken as UTC).
 *
 * @example
 * ```ts
 * loadEvents("trips.csv", { mapping, tsFormat: "%d/%m/%Y %H:%M" });
 * ```
 */
export type TsFormat = "unix_s" | "unix_ms" | "iso" | (string & {});

/** Largest |epoch ms| a JavaScript Date can hold (year ±275760); beyond it a timestamp is unparsable. */
const MAX_EPOCH_MS = 8.64e15;

/**
 * ISO-8601 variants tried by `"iso"`, in this order; the first that matches the whole string
 * wins. The first three hit Polars' fast path.
 *
 * @example
 * ```ts
 * ISO_FORMATS[0]; // "%Y-%m-%dT%H:%M:%SZ" (2010-10-12T00:21:28Z)
 * ```
 */
export const ISO_FORMATS: readonly string[] = [
  "%Y-%m-%dT%H:%M:%SZ",
  "%Y-%m-%dT%H:%M:%S",
  "%Y-%m-%d %H:%M:%S",
  "%Y-%m-%dT%H:%M:%S%.f%#z", // fraction and/or Z, z, +02:00, +0200, -05
  "%Y-%m-%dT%H:%M:%S%.f",
  "%Y-%m-%d %H:%M:%S%.f%#z",
  "%Y-%m-%d %H:%M:%S%.f",
  "%Y-%m-%dT%H:%M",
  "%Y-%m-%d %H:%M",
  "%Y-%m-%d",
];

/**
 * Checks a {@link TsFormat}; throws an Error naming the valid values.
 * @example
 * ```ts
 * checkTsFormat("seconds"); // Error: tsFormat must be "unix_s", "unix_ms", "iso" or a strftime format …
 * ```
 */
export function checkTsFormat(format: TsFormat): void {
  if (format === "unix_s" || format === "unix_ms" || format === "iso" || format.includes("%")) return;
  throw new Error(`tsFormat must be "unix_s", "unix_ms", "iso" or a strftime format containing '%', got ${JSON.stringify(format)}`);
}

/**
 * First step of timestamp parsing: stripped text -> Int64 ms since the epoch (UTC), null when
 * unparsable. A `%z` format yields a UTC-aware datetime whose Int64 cast is the UTC epoch; a
 * naive one's wall time is read as UTC. For `"iso"` every {@link ISO_FORMATS} entry is
 * coalesced; loaders use the faster {@link parseIsoSeries}.
 *
 * @example
 * ```ts
 * selectN(df.lazy(), [toEpochMsN(N.col("t"), "unix_s")]); // "874965758" -> 874965758000
 * ```
 */
export function toEpochMsN(s: NExpr, format: TsFormat): NExpr {
  checkTsFormat(format);
  if (format === "unix_s" || format === "unix_ms") {
    const x = N.cast(s, pl.Float64);
    return N.cast(N.round0(format === "unix_s" ? N.mul(x, N.lit(1000)) : x), pl.Int64);
  }
  if (format === "iso") {
    const tries = ISO_FORMATS.map((f) => N.cast(N.strptime(s, f), pl.Int64));
    return tries.slice(1).reduce((acc, t) => N.fillNull(acc, t), tries[0]);
  }
  return N.cast(N.strptime(s, format), pl.Int64);
}

/**
 * Second step: epoch-ms Int64 -> canonical `ts` (Datetime("ms"), wall time UTC); null outside the range of a JS Date.
 * @example
 * ```ts
 * selectN(df.lazy(), [msToTsN(N.col("ms"))]); // 874965758000 -> 1997-09-22 22:02:38
 * ```
 */
export function msToTsN(ms: NExpr): NExpr {
  return N.cast(N.cast(N.when(N.ltEq(N.abs(ms), N.lit(MAX_EPOCH_MS)), ms, N.lit(null)), pl.Int64), pl.Datetime("ms"));
}

/**
 * Keeps finite values; NaN and ±Infinity become null (Float64).
 * @example
 * ```ts
 * selectN(df.lazy(), [finiteOrNullN(N.cast(N.col("lat"), pl.Float64))]); // "NaN" -> null
 * ```
 */
export function finiteOrNullN(x: NExpr): NExpr {
  return N.cast(N.when(N.isFinite(x), x, N.lit(null)), pl.Float64);
}

/**
 * Empty text becomes null; other text is kept.
 * @example
 * ```ts
 * selectN(df.lazy(), [emptyToNullN(N.col("category"))]); // "" -> null, "cafe" -> "cafe"
 * ```
 */
export function emptyToNullN(s: NExpr): NExpr {
  return N.cast(N.when(N.eq(s, N.lit("")), N.lit(null), s), pl.Utf8);
}

/**
 * Parses a String column of timestamps into the canonical `ts` type: Datetime("ms") whose wall
 * time is UTC; unparsable text becomes null.
 *
 * @param e - String expression (surrounding whitespace is ignored).
 * @param format - see {@link TsFormat}.
 * @returns Datetime("ms") expression.
 * @example
 * ```ts
 * df.select(parseTimestamp(pl.col("t"), "unix_s")); // "874965758" -> 1997-09-22 22:02:38
 * df.select(parseTimestamp(pl.col("t"), "iso"));    // "2024-03-01T09:15:00+01:00" -> 2024-03-01 08:15:00
 * ```
 */
export function parseTimestamp(e: pl.Expr, format: TsFormat): pl.Expr {
  return toExpr(msToTsN(toEpochMsN(N.strip(fromExpr(e)), format)));
}

/**
 * Parses ISO-8601 text (see {@link ISO_FORMATS}) into epoch-ms Int64 (UTC): tries first the
 * format of the first value, then the others only on the values still unparsed, and stops as
 * soon as nothing is left, so a uniform column costs one pass.
 *
 * @param values - String series (surrounding whitespace is ignored).
 * @returns Int64 series of the same length and name, null where no format matches.
 * @example
 * ```ts
 * parseIsoSeries(pl.Series("t", ["2024-03-01T08:15:00Z", "2024-03-01"])).toArray();
 * // [1709280900000, 1709251200000]
 * ```
 */
export function parseIsoSeries(values: pl.Series): pl.Series {
  const S = "__s";
  const T = "__t";
  const stripped = withN(pl.DataFrame([values.alias(S)]).lazy(), [N.alias(N.strip(N.col(S)), S)]).collectSync();
  const first = stripped.getColumn(S).dropNulls().head(1);
  const order = [...ISO_FORMATS];
  if (first.length === 1) {
    const probe = pl.DataFrame([first.alias(S)]);
    const hits = probeFormats(probe, S);
    const hit = hits.findIndex((h) => h);
    if (hit > 0) order.unshift(...order.splice(hit, 1));
  }
  let out = withN(stripped.lazy(), [N.alias(N.cast(N.strptime(N.col(S), order[0]), pl.Int64), T)]).collectSync();
  for (const f of order.slice(1)) {
    const left = N.and(N.isNull(N.col(T)), N.isNotNull(N.col(S)));
    const nLeft = selectN1(out, N.alias(N.sum(left), "n"));
    if (nLeft === 0) break;
    const rest = N.cast(N.when(left, N.col(S), N.lit(null)), pl.Utf8);
    out = withN(out.lazy(), [N.alias(N.fillNull(N.col(T), N.cast(N.strptime(rest, f), pl.Int64)), T)]).collectSync();
  }
  return out.getColumn(T).alias(values.name);
}

/** Which ISO formats parse the single value in column `col` of a one-row frame. */
function probeFormats(probe: pl.DataFrame, col: string): boolean[] {
  const res = selectN(probe.lazy(), ISO_FORMATS.map((f, i) => N.alias(N.isNotNull(N.strptime(N.col(col), f)), `f${i}`))).collectSync();
  return (res.row(0) as unknown[]).map(Boolean);
}

/** Evaluates one scalar expression on a frame and returns it as a number. */
function selectN1(df: pl.DataFrame, e: NExpr): number {
  return Number(selectN(df.lazy(), [e]).collectSync().row(0)[0]);
}
