/**
 * Builds Polars expressions on nodejs-polars' native handles.
 *
 * Why: nodejs-polars 0.24 wraps every expression node in a JS object holding hundreds of
 * closures. Each `.eq()`, `.alias()` or `pl.col()` call costs about 0.7 ms, so a loader
 * that builds ~150 expression nodes spends ~100 ms building them, far more than Polars spends
 * computing them. The native handles below cost microseconds; only the finished expressions
 * are wrapped (or handed straight to a native lazy frame).
 *
 * Internal to `src/io`: the handles are opaque and only these functions combine them.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type pl from "nodejs-polars";
import type { DataType } from "nodejs-polars/bin/datatypes/datatype";
import polarsInternal from "nodejs-polars/bin/internals/polars_internal";
import { _Expr } from "nodejs-polars/bin/lazy/expr";
import { _LazyDataFrame } from "nodejs-polars/bin/lazy/dataframe";

/** An opaque native Polars expression. */
export type NExpr = { readonly __native_polars_expr: true };

const pli: any = polarsInternal;
const raw = (e: NExpr): any => e as any;
const wrapN = (x: any): NExpr => x as NExpr;

/**
 * Native expression builders, named like their `pl.Expr` counterparts.
 *
 * @example
 * ```ts
 * const e = N.alias(N.when(N.isNull(N.col("a")), N.lit("none"), N.col("a")), "a");
 * df.select(toExpr(e));
 * ```
 */
export const N = {
  col: (name: string): NExpr => wrapN(pli.col(name)),
  lit: (value: string | number | boolean | null): NExpr => wrapN(pli.lit(value)),
  alias: (e: NExpr, name: string): NExpr => wrapN(raw(e).alias(name)),
  cast: (e: NExpr, dtype: DataType, strict = false): NExpr => wrapN(raw(e).cast(dtype, strict)),
  strip: (e: NExpr): NExpr => wrapN(raw(e).strStrip()),
  eq: (a: NExpr, b: NExpr): NExpr => wrapN(raw(a).eq(raw(b))),
  gtEq: (a: NExpr, b: NExpr): NExpr => wrapN(raw(a).gtEq(raw(b))),
  ltEq: (a: NExpr, b: NExpr): NExpr => wrapN(raw(a).ltEq(raw(b))),
  and: (a: NExpr, b: NExpr): NExpr => wrapN(raw(a).and(raw(b))),
  or: (a: NExpr, b: NExpr): NExpr => wrapN(raw(a).or(raw(b))),
  not: (e: NExpr): NExpr => wrapN(raw(e).not()),
  isNull: (e: NExpr): NExpr => wrapN(raw(e).isNull()),
  isNotNull: (e: NExpr): NExpr => wrapN(raw(e).isNotNull()),
  isFinite: (e: NExpr): NExpr => wrapN(raw(e).isFinite()),
  abs: (e: NExpr): NExpr => wrapN(raw(e).abs()),
  mul: (a: NExpr, b: NExpr): NExpr => wrapN(raw(a).mul(raw(b))),
  round0: (e: NExpr): NExpr => wrapN(raw(e).round(0, "halfawayfromzero")),
  fillNull: (a: NExpr, b: NExpr): NExpr => wrapN(raw(a).fillNull(raw(b))),
  sum: (e: NExpr): NExpr => wrapN(raw(e).sum()),
  /** `when(cond).then(a).otherwise(b)`. */
  when: (cond: NExpr, then: NExpr, otherwise: NExpr): NExpr => wrapN(pli.when(raw(cond)).then(raw(then)).otherwise(raw(otherwise))),
  /** Exact strptime to Datetime("ms"): the whole string must match; no match gives null. */
  strptime: (e: NExpr, format: string): NExpr => wrapN(raw(e).strToDatetime(format, "ms", undefined, false, true, false, undefined)),
  /** Concatenates strings row-wise with `sep`, skipping nulls. */
  concatStr: (items: NExpr[], sep: string): NExpr => wrapN(pli.concatStr(items.map(raw), sep, true)),
};

/**
 * Wraps a native expression as a `pl.Expr` (one ~0.7 ms wrapper).
 * @example
 * ```ts
 * df.select(toExpr(N.col("a")));
 * ```
 */
export function toExpr(e: NExpr): pl.Expr {
  return _Expr(raw(e));
}

/**
 * The native handle of a `pl.Expr`.
 * @example
 * ```ts
 * const n = fromExpr(pl.col("a"));
 * ```
 */
export function fromExpr(e: pl.Expr): NExpr {
  return wrapN((e as any)._expr);
}

/**
 * `ldf.withColumns(...exprs)` without wrapping each expression.
 * @example
 * ```ts
 * withColumnsN(df.lazy(), [N.alias(N.strip(N.col("a")), "a")]).collectSync();
 * ```
 */
export function withColumnsN(ldf: pl.LazyDataFrame, exprs: NExpr[]): pl.LazyDataFrame {
  return _LazyDataFrame((ldf as any)._ldf.withColumns(exprs.map(raw)));
}

/**
 * `ldf.select(...exprs)` without wrapping each expression.
 * @example
 * ```ts
 * selectN(df.lazy(), [N.col("a")]).collectSync();
 * ```
 */
export function selectN(ldf: pl.LazyDataFrame, exprs: NExpr[]): pl.LazyDataFrame {
  return _LazyDataFrame((ldf as any)._ldf.select(exprs.map(raw)));
}
