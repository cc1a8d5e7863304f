/**
 * Column codecs behind `toDanfo` / `fromDanfo` (see `danfo-bridge.ts` for the contract).
 * Internal: one Polars Series ⇄ one danfo column (plain JS values plus a danfo dtype label).
 */
import pl, { type DataType } from "nodejs-polars";
import { DataError } from "../util/data-error";
import { parseIsoInstant } from "./iso-instant";

/** How Datetime and Date columns travel to danfo. */
export type DanfoDatetimeMode = "iso" | "epoch-ms";

/** A danfo dtype label (danfojs 1.2 `DATA_TYPES`). */
export type DanfoDtype = "string" | "float32" | "int32" | "boolean" | "datetime" | "undefined";

/** One column ready for `new dfd.DataFrame(...)`. */
export interface DanfoColumn {
  values: unknown[];
  dtype: DanfoDtype;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const MS_PER_DAY = 86_400_000;
const SMALL_INTS = new Set(["Int8", "Int16", "Int32", "UInt8", "UInt16"]);
const WIDE_INTS = new Set(["Int64", "UInt32", "UInt64"]);
const INTS = new Set([...SMALL_INTS, ...WIDE_INTS]);
const SUB_MS: Record<string, number> = { ms: 1, us: 1_000, ns: 1_000_000 };

/** `[timeUnit, timeZone]` of a Datetime dtype. */
function datetimeInner(dtype: DataType): [string, string | null | undefined] {
  return (dtype as unknown as { inner: [string, string | null | undefined] }).inner;
}

/** Converts one Polars column to danfo values and dtype label. */
export function seriesToDanfo(s: pl.Series, datetime: DanfoDatetimeMode): DanfoColumn {
  const v = s.dtype.variant;
  if (v === "String" || v === "Utf8" || v === "Categorical") {
    return { values: s.cast(pl.String).toArray(), dtype: "string" };
  }
  if (v === "Bool") return { values: s.toArray(), dtype: "boolean" };
  if (v === "Float32" || v === "Float64") {
    return { values: s.cast(pl.Float64).toArray().map(nullToNaN), dtype: "float32" };
  }
  if (INTS.has(v)) return intsToDanfo(s);
  if (v === "Datetime" || v === "Date") return instantsToDanfo(s, datetime);
  throw unsupported(s.name, String(s.dtype));
}

function intsToDanfo(s: pl.Series): DanfoColumn {
  // UInt64 .toArray() yields BigInt (and nodejs-polars 0.24 mangles some UInt64 paths): go through Float64.
  const values = s.cast(pl.Float64).toArray().map(nullToNaN);
  let fitsInt32 = true;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    if (!Number.isSafeInteger(x)) {
      throw new DataError(
        `integer ${x} at row ${i} is beyond ±(2^53 − 1) and cannot be held exactly by a JS number (danfo)`,
        { column: s.name },
      );
    }
    if (x < INT32_MIN || x > INT32_MAX) fitsInt32 = false;
  }
  return { values, dtype: fitsInt32 ? "int32" : "float32" };
}

function instantsToDanfo(s: pl.Series, mode: DanfoDatetimeMode): DanfoColumn {
  if (s.dtype.variant === "Datetime") {
    const factor = SUB_MS[datetimeInner(s.dtype)[0]] ?? 1;
    if (factor > 1) {
      const lost = pl
        .DataFrame([s.alias("t")])
        .select(pl.col("t").cast(pl.Int64).modulo(factor).neq(0).sum().alias("n"))
        .getColumn("n")
        .toArray()[0] as number;
      if (lost > 0) {
        throw new DataError(
          `${lost} value(s) have sub-millisecond parts that danfo (JS Date / epoch ms) cannot hold; ` +
            `truncate first with .cast(pl.Datetime("ms"))`,
          { column: s.name },
        );
      }
    }
  }
  const dates = s.toArray() as unknown as (Date | null)[];
  if (mode === "epoch-ms") {
    return { values: dates.map((d) => (d === null ? NaN : d.getTime())), dtype: "float32" };
  }
  const dateOnly = s.dtype.variant === "Date";
  const values = dates.map((d) => {
    if (d === null) return null;
    const iso = d.toISOString();
    return dateOnly ? iso.slice(0, iso.indexOf("T")) : iso;
  });
  return { values, dtype: "string" };
}

/** Converts one danfo column (values + dtype label) to a Polars Series, optionally to `target`. */
export function danfoToSeries(
  name: string,
  values: readonly unknown[],
  dtype: string,
  target: DataType | undefined,
): pl.Series {
  const tv = target?.variant;
  if (tv === "Datetime" || tv === "Date") return instantsFromDanfo(name, values, target as DataType);
  if (tv !== undefined && INTS.has(tv)) return castOrThrow(integers(name, values), target as DataType);
  if (tv !== undefined && !isSupportedTarget(tv)) throw unsupported(name, String(target));
  const natural = naturalSeries(name, values, dtype);
  return target === undefined ? natural : castOrThrow(natural, target);
}

function isSupportedTarget(variant: string): boolean {
  return ["String", "Utf8", "Categorical", "Bool", "Float32", "Float64"].includes(variant);
}

/** The Polars Series a danfo dtype maps to when no target type is given. */
function naturalSeries(name: string, values: readonly unknown[], dtype: string): pl.Series {
  switch (dtype) {
    case "string":
      return pl.Series(name, checked(name, values, "string"), pl.String);
    case "boolean":
      return pl.Series(name, checked(name, values, "boolean"), pl.Bool);
    case "float32":
      return pl.Series(name, checked(name, values, "number"), pl.Float64);
    case "int32":
      return integers(name, values);
    case "datetime":
      return instantsFromDanfo(name, values, pl.Datetime("ms"));
    default:
      throw new DataError(`danfo dtype '${dtype}' has no Polars counterpart; pass options.schema for it`, {
        column: name,
      });
  }
}

function integers(name: string, values: readonly unknown[]): pl.Series {
  const nums = checked(name, values, "number") as (number | null)[];
  for (let i = 0; i < nums.length; i++) {
    const x = nums[i];
    if (x !== null && !Number.isSafeInteger(x)) {
      throw new DataError(`row ${i}: ${x} is not an integer within ±(2^53 − 1)`, { column: name });
    }
  }
  return pl.Series(name, nums, pl.Float64).cast(pl.Int64);
}

function instantsFromDanfo(name: string, values: readonly unknown[], target: DataType): pl.Series {
  const ms: (number | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    let t: number | undefined;
    if (isMissing(x)) t = undefined;
    else if (typeof x === "number") t = x;
    else if (typeof x === "string") t = parseIsoInstant(x);
    else if (x instanceof Date) t = x.getTime();
    if (!isMissing(x) && (t === undefined || !Number.isSafeInteger(t))) {
      throw new DataError(`row ${i}: ${JSON.stringify(x)} is not an ISO-8601 instant or whole epoch milliseconds`, {
        column: name,
      });
    }
    if (target.variant === "Date" && t !== undefined && t % MS_PER_DAY !== 0) {
      throw new DataError(`row ${i}: ${JSON.stringify(x)} is not midnight UTC, so it is not a Date`, {
        column: name,
      });
    }
    ms[i] = t === undefined ? null : t;
  }
  const asDatetime = pl.Series(name, ms, pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms"));
  return castOrThrow(asDatetime, target);
}

type JsKind = "string" | "number" | "boolean";

/** Values of one JS kind with danfo's missing markers (null, undefined, NaN) turned into null. */
function checked(name: string, values: readonly unknown[], kind: JsKind): unknown[] {
  const out: unknown[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (isMissing(x)) out[i] = null;
    else if (typeof x === kind) out[i] = x;
    else {
      throw new DataError(`row ${i}: expected a ${kind} or a missing value, got ${typeof x} ${String(x)}`, {
        column: name,
      });
    }
  }
  return out;
}

function castOrThrow(s: pl.Series, target: DataType): pl.Series {
  if (s.dtype.equals(target)) return s;
  try {
    return s.cast(target, true);
  } catch (err) {
    throw new DataError(`cannot cast ${String(s.dtype)} to ${String(target)}: ${(err as Error).message}`, {
      column: s.name,
    });
  }
}

/** danfo's missing-value markers. */
function isMissing(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === "number" && Number.isNaN(x));
}

function nullToNaN(x: number | null): number {
  return x === null ? NaN : x;
}

function unsupported(column: string, dtype: string): DataError {
  return new DataError(
    `${dtype} has no danfo counterpart (supported: String, Categorical, Float32/64, Int8-64, UInt8-64, ` +
      `Bool, Datetime, Date); drop or convert the column first`,
    { column },
  );
}
