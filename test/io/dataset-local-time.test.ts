import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { localTimeSource } from "../../src/io/dataset-local-time";

describe("localTimeSource", () => {
  const base = { user: ["a"], item: ["x"] };
  it("prefers a populated offset column, then the dataset's zone, then solar time, else null", () => {
    expect(localTimeSource("sample", pl.DataFrame({ ...base, tz_offset_min: [480] }))).toEqual({ from: "offset" });
    expect(localTimeSource("gowalla-nyc", pl.DataFrame({ ...base, lon: [-73.9] }))).toEqual({ from: "zone", zone: "America/New_York" });
    expect(localTimeSource("gowalla-nyc", pl.DataFrame({ ...base, tz_offset_min: [null] as (number | null)[] }))).toEqual({ from: "zone", zone: "America/New_York" });
    expect(localTimeSource("/data/x.csv", pl.DataFrame({ ...base, lon: [2.35] }))).toEqual({ from: "solar" });
    expect(localTimeSource("movielens-100k", pl.DataFrame(base))).toBeNull();
  });
});
