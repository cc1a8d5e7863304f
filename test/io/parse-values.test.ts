import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { ISO_FORMATS, parseIsoSeries, parseTimestamp } from "../../src/io/parse-values";
import { createRng } from "../../src/util/rng";
import { ms } from "./fixture-path";

const parse = (values: (string | null)[], format: string) =>
  pl
    .DataFrame({ t: values })
    .select(parseTimestamp(pl.col("t"), format).alias("t"))
    .getColumn("t");

const asMs = (s: pl.Series) => (s.toArray() as unknown as (Date | null)[]).map((d) => (d === null ? null : d.getTime()));

describe("parseTimestamp", () => {
  it("parses unix seconds and milliseconds into Datetime(ms) (hand-computed instants)", () => {
    const s = parse(["874965758", " 881250949 ", "1.5", "x", null, "NaN", "1e20"], "unix_s");
    expect(String(s.dtype)).toBe("DataType(Datetime(ms,))");
    // 874965758 s = 10126 days + 79358 s; day 10126 = 1997 day-of-year 265 = Sep 22; 79358 s = 22:02:38
    // (so 1997-09-22T22:02:38Z, not the 23rd)
    expect(asMs(s)).toEqual([ms("1997-09-22T22:02:38Z"), ms("1997-12-04T15:55:49Z"), 1500, null, null, null, null]);
    expect(asMs(parse(["874965758123"], "unix_ms"))).toEqual([874965758123]);
  });
  it("parses ISO-8601 variants, applying offsets, and rejects partial matches", () => {
    const s = parse(
      ["2010-10-12T00:21:28Z", "2024-03-01T09:15:00+01:00", "2024-03-01T03:15:00-0500", "2024-03-01 08:15:00", "2024-03-01", "2024-03-01T08:15:00.250Z", "xx2010-10-12T00:21:28Z", "2010-13-12T00:21:28Z", "2024-02-30"],
      "iso",
    );
    expect(asMs(s)).toEqual([
      ms("2010-10-12T00:21:28Z"),
      ms("2024-03-01T08:15:00Z"),
      ms("2024-03-01T08:15:00Z"),
      ms("2024-03-01T08:15:00Z"),
      ms("2024-03-01T00:00:00Z"),
      ms("2024-03-01T08:15:00.250Z"),
      null,
      null,
      null,
    ]);
  });
  it("parses strftime formats, with %z converting to UTC", () => {
    expect(asMs(parse(["Tue Apr 03 18:00:09 +0000 2012", "Tue Apr 03 18:00:09 +0130 2012"], "%a %b %d %H:%M:%S %z %Y"))).toEqual([
      ms("2012-04-03T18:00:09Z"),
      ms("2012-04-03T16:30:09Z"),
    ]);
    expect(asMs(parse(["31/12/2023 23:59", "32/12/2023 23:59"], "%d/%m/%Y %H:%M"))).toEqual([ms("2023-12-31T23:59:00Z"), null]);
  });
  it("rejects an invalid format name", () => {
    expect(() => parse(["1"], "seconds")).toThrow(/tsFormat must be/);
  });
});

describe("parseIsoSeries", () => {
  it("equals the all-formats coalesce on random mixed ISO text", () => {
    const rng = createRng(7);
    const pad = (n: number, w = 2) => String(n).padStart(w, "0");
    for (let trial = 0; trial < 5; trial++) {
      const values: (string | null)[] = [];
      for (let i = 0; i < 300; i++) {
        const d = `${2000 + rng.int(30)}-${pad(1 + rng.int(13))}-${pad(1 + rng.int(31))}`; // month 13 / day 31 sometimes invalid
        const t = `${pad(rng.int(25))}:${pad(rng.int(60))}:${pad(rng.int(60))}`;
        const kind = rng.int(9);
        values.push(
          [`${d}T${t}Z`, `${d}T${t}`, `${d} ${t}`, `${d}T${t}.5+02:00`, d, `${d}T${t.slice(0, 5)}`, "garbage", null, `${d}T${t}-0330`][kind],
        );
      }
      const fast = parseIsoSeries(pl.Series("t", values)).toArray();
      const oracle = asMs(parse(values, "iso"));
      expect(fast).toEqual(oracle);
      expect(oracle.filter((v) => v !== null).length).toBeGreaterThan(100);
    }
  });
  it("lists the fast-path format first", () => {
    expect(ISO_FORMATS[0]).toBe("%Y-%m-%dT%H:%M:%SZ");
  });
});
