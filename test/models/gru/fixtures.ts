import pl from "nodejs-polars";
import { createRng } from "../../../src/util/rng";

/** A planted seasonal series: `level + amplitude·sin(2πt/period) + noise·N(0, 1)`, seeded. */
export function sineSeries(n: number, o: { period?: number; level?: number; amplitude?: number; noise?: number; seed?: number } = {}): Float64Array {
  const rng = createRng(o.seed ?? 1);
  const period = o.period ?? 24;
  return Float64Array.from(
    { length: n },
    (_, t) => (o.level ?? 10) + (o.amplitude ?? 5) * Math.sin((2 * Math.PI * t) / period) + (o.noise ?? 0.3) * rng.normal(),
  );
}

/** A canonical event frame from per-user category sequences (one event an hour, in order); `null` = missing category. */
export function eventsOf(seqs: Record<string, (string | null)[]>, t0 = Date.UTC(2024, 0, 1)): pl.DataFrame {
  const user: string[] = [];
  const item: string[] = [];
  const ts: number[] = [];
  const category: (string | null)[] = [];
  for (const [u, cats] of Object.entries(seqs)) {
    cats.forEach((c, i) => {
      user.push(u);
      item.push(`p-${c ?? "x"}`);
      ts.push(t0 + i * 3_600_000);
      category.push(c);
    });
  }
  return pl
    .DataFrame({ user, item, ts, category: pl.Series("category", category, pl.String) })
    .withColumn(pl.col("ts").cast(pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")));
}
