import { describe, it, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import pl from "nodejs-polars";
import * as dfd from "danfojs-node";
import { fromDanfo, toDanfo } from "../../src/interop/danfo-bridge";
import { COL } from "../../src/schema";
import { createRng } from "../../src/util/rng";
import { DataError } from "../../src/util/data-error";

/** Column names, dtypes and plain values (Date → epoch ms) of a frame: what "equal" means here. */
function snapshot(df: pl.DataFrame): { name: string; dtype: string; values: unknown[] }[] {
  return df.getColumns().map((s) => ({
    name: s.name,
    dtype: String(s.dtype),
    values: s.toArray().map((v: unknown) => (v instanceof Date ? v.getTime() : v)),
  }));
}

/** A seeded frame with every canonical column of schema.ts, nulls in every optional column. */
function canonicalEvents(n: number, seed: number): pl.DataFrame {
  const rng = createRng(seed);
  const maybe = <T>(v: T): T | null => (rng.next() < 0.15 ? null : v);
  const texts = ["café ☕", "", "line\nbreak", "quote \"x\"", "東京"];
  const rows = Array.from({ length: n }, () => ({
    user: `u${rng.int(7)}`,
    item: `i${rng.int(50)}`,
    ts: Math.round((rng.next() - 0.2) * 2e12), // 1957 … 2033, negatives included
    event: maybe(["view", "buy", "check-in"][rng.int(3)]),
    rating: maybe(Math.round(rng.next() * 50) / 10 + rng.next() * 1e-9),
    category: maybe(`c${rng.int(4)}`),
    lat: maybe((rng.next() * 2 - 1) * 90),
    lon: maybe((rng.next() * 2 - 1) * 180),
    tz: maybe((rng.int(57) - 24) * 30),
    text: maybe(texts[rng.int(texts.length)]),
  }));
  return pl.DataFrame([
    pl.Series(COL.user, rows.map((r) => r.user), pl.String),
    pl.Series(COL.item, rows.map((r) => r.item), pl.String),
    pl.Series(COL.ts, rows.map((r) => r.ts), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    pl.Series(COL.event, rows.map((r) => r.event), pl.String),
    pl.Series(COL.rating, rows.map((r) => r.rating), pl.Float64),
    pl.Series(COL.category, rows.map((r) => r.category), pl.String),
    pl.Series(COL.lat, rows.map((r) => r.lat), pl.Float64),
    pl.Series(COL.lon, rows.map((r) => r.lon), pl.Float64),
    pl.Series(COL.tzOffsetMin, rows.map((r) => r.tz), pl.Int32),
    pl.Series(COL.text, rows.map((r) => r.text), pl.String),
  ]);
}

describe("toDanfo / fromDanfo round trip", () => {
  const events = canonicalEvents(300, 42);

  it.each(["iso", "epoch-ms"] as const)("restores every canonical column exactly with schema (datetime %s)", (mode) => {
    const before = snapshot(events);
    const ddf = toDanfo(events, { datetime: mode });
    expect(ddf.columns).toEqual(events.columns);
    expect(ddf.shape).toEqual([300, 10]);
    const back = fromDanfo(ddf, { schema: events.schema });
    expect(snapshot(back)).toEqual(before);
    expect(back.frameEqual(events, true)).toBe(true);
    expect(snapshot(events)).toEqual(before); // input untouched
  });

  it("hands danfo the documented dtypes and missing markers", () => {
    const small = pl.DataFrame([
      pl.Series("s", ["a", null], pl.String),
      pl.Series("f", [1.25, null], pl.Float64),
      pl.Series("i", [-3, null], pl.Int32),
      pl.Series("b", [true, null], pl.Bool),
      pl.Series("t", [1_700_000_000_123, null], pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
      pl.Series("d", [19_000, null], pl.Int32).cast(pl.Date),
    ]);
    const ddf = toDanfo(small);
    expect(ddf.dtypes).toEqual(["string", "float32", "int32", "boolean", "string", "string"]);
    expect(ddf.column("s").values).toEqual(["a", null]);
    expect(ddf.column("f").values).toEqual([1.25, NaN]);
    expect(ddf.column("i").values).toEqual([-3, NaN]);
    expect(ddf.column("b").values).toEqual([true, null]);
    expect(ddf.column("t").values).toEqual(["2023-11-14T22:13:20.123Z", null]);
    expect(ddf.column("d").values).toEqual(["2022-01-08", null]); // day 19000 after 1970-01-01
    const asMs = toDanfo(small, { datetime: "epoch-ms" });
    expect(asMs.dtypes.slice(4)).toEqual(["float32", "float32"]);
    expect(asMs.column("t").values).toEqual([1_700_000_000_123, NaN]);
    expect(asMs.column("d").values).toEqual([19_000 * 86_400_000, NaN]);
    // danfo's own dt accessor reads the ISO text (TZ=UTC is assumed by this assertion)
    if (new Date(0).getTimezoneOffset() === 0) expect(ddf.column("t").dt.hours().values).toEqual([22, NaN]);
  });

  it("maps danfo labels to Int64/Float64/String/Bool without a schema", () => {
    const back = fromDanfo(toDanfo(events));
    const dtypes = Object.fromEntries(back.getColumns().map((s) => [s.name, String(s.dtype)]));
    expect(dtypes[COL.tzOffsetMin]).toBe("DataType(Int64)");
    expect(dtypes[COL.ts]).toBe("DataType(String)");
    expect(dtypes[COL.rating]).toBe("DataType(Float64)");
    expect(back.getColumn(COL.tzOffsetMin).toArray()).toEqual(events.getColumn(COL.tzOffsetMin).toArray());
    const iso = (events.getColumn(COL.ts).toArray() as unknown as Date[]).map((d) => d.toISOString());
    expect(back.getColumn(COL.ts).toArray()).toEqual(iso);
  });

  it("round-trips the non-canonical types it supports, given the schema", () => {
    const df = pl.DataFrame([
      pl.Series("i8", [-128, 127, null], pl.Int8),
      pl.Series("u16", [0, 65_535, null], pl.UInt16),
      pl.Series("i64", [2 ** 40, -(2 ** 53 - 1), null], pl.Float64).cast(pl.Int64),
      pl.Series("u64", [2 ** 53 - 1, 0, null], pl.Float64).cast(pl.UInt64),
      pl.Series("f32", [0.1, -1e30, null], pl.Float32),
      pl.Series("cat", ["x", null, "y"], pl.String).cast(pl.Categorical),
      pl.Series("b", [false, true, null], pl.Bool),
      pl.Series("day", [-1, 20_000, null], pl.Int32).cast(pl.Date),
      pl.Series("us", [-1, 5, null], pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")).cast(pl.Datetime("us", "UTC")),
    ]);
    const ddf = toDanfo(df);
    // Int64/UInt64 values outside int32 travel under danfo's float32 label, still exact JS numbers
    expect(ddf.dtypes).toEqual(["int32", "int32", "float32", "float32", "float32", "string", "boolean", "string", "string"]);
    expect(ddf.column("i64").values).toEqual([2 ** 40, -(2 ** 53 - 1), NaN]);
    for (const mode of ["iso", "epoch-ms"] as const) {
      const back = fromDanfo(toDanfo(df, { datetime: mode }), { schema: df.schema });
      expect(snapshot(back)).toEqual(snapshot(df));
    }
  });

  it("turns Polars float NaN into null on the way back (danfo cannot tell NaN from missing)", () => {
    const df = pl.DataFrame([pl.Series("x", [NaN, null, 1], pl.Float64)]);
    const back = fromDanfo(toDanfo(df));
    expect(back.getColumn("x").toArray()).toEqual([null, null, 1]);
  });

  it("keeps danfo's row order after a danfo step and drops its index", () => {
    const df = pl.DataFrame({ k: ["b", "a", "c", "a"], v: [2, 1, 3, 4] });
    const sorted = toDanfo(df).sortValues("v", { ascending: false });
    expect(sorted.index).toEqual([3, 2, 0, 1]);
    const back = fromDanfo(sorted, { schema: df.schema });
    expect(back.toRecords()).toEqual([
      { k: "a", v: 4 },
      { k: "c", v: 3 },
      { k: "b", v: 2 },
      { k: "a", v: 1 },
    ]);
  });

  it("handles zero-row frames through the schema", () => {
    const empty = canonicalEvents(5, 1).head(0);
    const ddf = toDanfo(empty);
    expect(ddf.shape).toEqual([0, 10]);
    expect(snapshot(fromDanfo(ddf, { schema: empty.schema }))).toEqual(snapshot(empty));
    expect(() => fromDanfo(ddf)).toThrow(/zero-row danfo frame/);
  });
});

describe("danfo computations on the bridged frame", () => {
  it("groupby mean equals Polars group_by mean", () => {
    const events = canonicalEvents(2000, 3).select(COL.user, COL.lat, COL.tzOffsetMin).dropNulls();
    const ours = events
      .groupBy(COL.user)
      .agg(pl.col(COL.lat).mean(), pl.col(COL.tzOffsetMin).mean())
      .sort(COL.user);
    const theirs = fromDanfo(toDanfo(events).groupby([COL.user]).col([COL.lat, COL.tzOffsetMin]).mean()).sort(
      COL.user,
    );
    expect(theirs.columns).toEqual([COL.user, `${COL.lat}_mean`, `${COL.tzOffsetMin}_mean`]);
    expect(theirs.getColumn(COL.user).toArray()).toEqual(ours.getColumn(COL.user).toArray());
    expect(ours.height).toBe(7);
    const a = theirs.getColumn(`${COL.lat}_mean`).toArray() as number[];
    const b = ours.getColumn(COL.lat).toArray() as number[];
    a.forEach((x, i) => expect(x).toBeCloseTo(b[i], 10));
    expect(theirs.getColumn(`${COL.tzOffsetMin}_mean`).toArray()).toEqual(
      (ours.getColumn(COL.tzOffsetMin).toArray() as number[]).map((x) => expect.closeTo(x, 10)),
    );
  });

  it("makes missing values visible: danfo's mean is NaN until dropNa, then equals Polars' null-skipping mean", () => {
    // hand-computed: group a = [1, null, 3] → Polars 2, danfo NaN; group b = [4] → 4
    const df = pl.DataFrame([
      pl.Series("g", ["a", "a", "a", "b"], pl.String),
      pl.Series("x", [1, null, 3, 4], pl.Float64),
    ]);
    const raw = fromDanfo(toDanfo(df).groupby(["g"]).col(["x"]).mean()).sort("g");
    expect(raw.getColumn("x_mean").toArray()).toEqual([null, 4]); // NaN came back as null
    const dropped = fromDanfo(toDanfo(df).dropNa().groupby(["g"]).col(["x"]).mean()).sort("g");
    expect(dropped.getColumn("x_mean").toArray()).toEqual([2, 4]);
  });
});

describe("bridge errors", () => {
  it("names the column of an unsupported type", () => {
    const df = pl.DataFrame({ id: [1, 2], tags: [["a"], ["b", "c"]] });
    expect(() => toDanfo(df)).toThrow(DataError);
    expect(() => toDanfo(df)).toThrow(/column 'tags': DataType\(List.*no danfo counterpart/);
    const st = pl.DataFrame({ id: [1] }).select(pl.col("id"), pl.struct([pl.col("id")]).alias("s"));
    expect(() => toDanfo(st)).toThrow(/column 's': .*Struct/);
  });

  it("refuses values that danfo would hold inexactly", () => {
    const big = pl.DataFrame([pl.Series("n", [2 ** 53], pl.Float64).cast(pl.Int64)]);
    expect(() => toDanfo(big)).toThrow(/column 'n'.*2\^53/);
    const ns = pl.DataFrame([
      pl.Series("t", [1_000_001, 2_000_000, null], pl.Float64).cast(pl.Int64).cast(pl.Datetime("ns")),
    ]);
    expect(() => toDanfo(ns)).toThrow(/column 't': 1 value\(s\) have sub-millisecond/);
  });

  it("names column and row when danfo values do not fit the target type", () => {
    const ddf = new dfd.DataFrame({ n: [1, 1.5], t: ["2020-01-01T00:00:00Z", "soon"], s: ["a", "b"] });
    expect(() => fromDanfo(ddf, { schema: { n: pl.Int32 } })).toThrow(/column 'n': row 1: 1.5 is not an integer/);
    expect(() => fromDanfo(ddf, { schema: { t: pl.Datetime("ms") } })).toThrow(/column 't': row 1: "soon"/);
    expect(() => fromDanfo(ddf, { schema: { s: pl.Float64 } })).toThrow(/column 's': cannot cast/);
    expect(() => fromDanfo(ddf, { schema: { s: pl.List(pl.Int32) } })).toThrow(/column 's'.*List/);
    const day = new dfd.DataFrame({ d: ["2020-01-01T06:00:00Z"] });
    expect(() => fromDanfo(day, { schema: { d: pl.Date } })).toThrow(/not midnight UTC/);
    const mixed = new dfd.DataFrame({ x: [1, 2] }, { dtypes: ["string"] });
    expect(() => fromDanfo(mixed)).toThrow(/column 'x': row 0: expected a string/);
  });

  it("checks its parameters", () => {
    const df = pl.DataFrame({ x: [1] });
    expect(() => toDanfo(df, { datetime: "unix" as never })).toThrow(/options.datetime must be "iso" or "epoch-ms"/);
    expect(() => fromDanfo(df as never)).toThrow(/frame must be a danfojs-node DataFrame, got/);
    expect(() => fromDanfo(new dfd.Series([1, 2]) as never)).toThrow(/frame must be a danfojs-node DataFrame, got Series/);
  });
});

describe("lazy loading", () => {
  it("importing the bridge does not load danfojs-node; the first call does", () => {
    const root = resolve(__dirname, "../..");
    const script = [
      "const has = () => Object.keys(require.cache).some((k) => k.includes('/danfojs-node/'));",
      "const bridge = require('./src/interop/danfo-bridge');",
      "const before = has();",
      "bridge.toDanfo(require('nodejs-polars').DataFrame({ x: [1] }));",
      "console.log(JSON.stringify({ before, after: has() }));",
    ].join("\n");
    const out = execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(out.trim().split("\n").pop() as string)).toEqual({ before: false, after: true });
  });
});
