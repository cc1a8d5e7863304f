import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { N, selectN, toExpr, withColumnsN } from "../../src/io/native-expr";
import { createRng } from "../../src/util/rng";

function randomFrame(seed: number, n: number) {
  const rng = createRng(seed);
  const words = ["", " a ", "b", "1", "2.5", "NaN", "x1"];
  return pl.DataFrame({
    s: pl.Series("s", Array.from({ length: n }, () => (rng.next() < 0.1 ? null : words[rng.int(words.length)])), pl.Utf8),
    x: pl.Series("x", Array.from({ length: n }, () => (rng.next() < 0.1 ? null : rng.normal() * 10)), pl.Float64),
  });
}

describe("native expression builders", () => {
  it("compute the same columns as the equivalent pl.Expr chains on random data", () => {
    for (const seed of [1, 2, 3]) {
      const df = randomFrame(seed, 200);
      const viaN = selectN(df.lazy(), [
        N.alias(N.strip(N.col("s")), "strip"),
        N.alias(N.cast(N.strip(N.col("s")), pl.Float64), "num"),
        N.alias(N.when(N.and(N.gtEq(N.col("x"), N.lit(-5)), N.ltEq(N.col("x"), N.lit(5))), N.col("x"), N.lit(null)), "mid"),
        N.alias(N.or(N.isNull(N.col("s")), N.eq(N.col("s"), N.lit(""))), "blank"),
        N.alias(N.fillNull(N.round0(N.mul(N.abs(N.col("x")), N.lit(10))), N.lit(-1)), "r"),
        N.alias(N.concatStr([N.col("s"), N.lit("|")], ""), "cat"),
      ]).collectSync();
      const viaPl = df.select(
        pl.col("s").str.strip().alias("strip"),
        pl.col("s").str.strip().cast(pl.Float64).alias("num"),
        pl.when(pl.col("x").gtEq(-5).and(pl.col("x").ltEq(5))).then(pl.col("x")).otherwise(pl.lit(null)).alias("mid"),
        pl.col("s").isNull().or(pl.col("s").eq(pl.lit(""))).alias("blank"),
        pl.col("x").abs().mul(10).round(0, "halfawayfromzero").fillNull(-1).alias("r"),
        pl.concatString([pl.col("s"), pl.lit("|")], "").alias("cat"),
      );
      expect(viaN.toRecords()).toEqual(viaPl.toRecords());
    }
  });
  it("parses timestamps exactly and wraps back into pl.Expr", () => {
    const df = pl.DataFrame({ t: ["2010-10-12T00:21:28Z", "x2010-10-12T00:21:28Z", null] });
    const out = withColumnsN(df.lazy(), [N.alias(N.strptime(N.col("t"), "%Y-%m-%dT%H:%M:%SZ"), "p")]).collectSync();
    expect(out.getColumn("p").toArray()).toEqual([new Date("2010-10-12T00:21:28Z"), null, null]);
    expect(df.select(toExpr(N.alias(N.isNotNull(N.col("t")), "ok"))).getColumn("ok").toArray()).toEqual([true, true, false]);
  });
});
