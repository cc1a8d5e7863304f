import { describe, expect, it } from "vitest";
import pl from "nodejs-polars";
import { eventSeries } from "../../src/timeseries/event-series";
import { seasonalAnomalies } from "../../src/timeseries/seasonal-anomalies";
import { seriesAnomalies } from "../../src/timeseries/series-anomalies";
import { createRng } from "../../src/util/rng";

const DAY = 86_400_000;

describe("seriesAnomalies", () => {
  const rng = createRng(4);
  const t0 = Date.UTC(2024, 0, 1);
  const ts: number[] = [];
  const users: string[] = [];
  for (let d = 0; d < 70; d++) {
    const n = (d === 40 ? 120 : 30) + (d % 7 === 5 ? 15 : 0) + rng.int(5);
    for (let k = 0; k < n; k++) {
      ts.push(t0 + d * DAY + rng.int(DAY));
      users.push(d % 2 ? "a" : "b");
    }
  }
  const events = pl.DataFrame({ user: users, ts }).withColumns(pl.col("ts").cast(pl.Int64).cast(pl.Datetime("ms")));

  it("returns the series with its components and flags, in agreement with seasonalAnomalies", () => {
    const frame = eventSeries(events, { freq: "day" });
    const out = seriesAnomalies(frame, { period: 7 });
    expect(out.columns).toEqual(["bucket", "count", "trend", "seasonal", "remainder", "score", "anomaly"]);
    expect(out.height).toBe(70);
    const flagged = out.filter(pl.col("anomaly")).getColumn("bucket").toArray() as unknown as Date[];
    expect(flagged.map((d) => d.toISOString().slice(0, 10))).toEqual(["2024-02-10"]); // day 40
    const direct = seasonalAnomalies(frame.getColumn("count").toArray() as number[], { period: 7 });
    expect(out.getColumn("remainder").toArray()).toEqual(Array.from(direct.remainder));
    expect((out.getColumn("bucket").toArray() as unknown as Date[])[3].getTime()).toBe(t0 + 3 * DAY);
  });

  it("takes one group of a multi-series frame and fails loudly when it is ambiguous", () => {
    const frame = eventSeries(events, { freq: "day", by: "user" });
    expect(() => seriesAnomalies(frame, { period: 7 })).toThrow(/pass options.group/);
    const a = seriesAnomalies(frame, { period: 7, series: { group: "a" } });
    expect(a.getColumn("count").toArray().slice(0, 3)).toEqual([0, frame.filter(pl.col("user").eq(pl.lit("a"))).getColumn("count").get(1), 0]);
  });
});
