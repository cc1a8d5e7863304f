import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { pickTimeColumn, TS_LOCAL } from "../../src/viz/time-column";

describe("pickTimeColumn", () => {
  const ms = [Date.UTC(2024, 0, 1)];
  const utc = pl.DataFrame({ ts: ms }).withColumns(pl.col("ts").cast(pl.Int64).cast(pl.Datetime("ms")));
  const both = utc.withColumns(pl.col("ts").alias(TS_LOCAL));

  it("prefers ts_local when present unless told otherwise", () => {
    expect(pickTimeColumn(both, undefined, "f")).toEqual({ column: "ts_local", local: true, label: "local time" });
    expect(pickTimeColumn(both, false, "f")).toEqual({ column: "ts", local: false, label: "UTC" });
    expect(pickTimeColumn(utc, undefined, "f")).toEqual({ column: "ts", local: false, label: "UTC" });
  });

  it("fails loudly when local time is missing or a column is not a Datetime", () => {
    expect(() => pickTimeColumn(utc, true, "f")).toThrow(/f: local time asked for but the frame has no 'ts_local'/);
    expect(() => pickTimeColumn(pl.DataFrame({ ts: ["2024-01-01"] }), undefined, "f")).toThrow(/column 'ts': f: expected a Datetime column, got String/);
  });
});
