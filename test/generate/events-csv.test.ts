import { describe, expect, it } from "vitest";
import pl from "nodejs-polars";
import { formatEventsCsv } from "../../src/generate/events-csv";

function tinyFrame(): pl.DataFrame {
  return pl.DataFrame([
    pl.Series("text", ['Lotus "Bar", Riverside', "Jade Cafe"], pl.Utf8),
    pl.Series("user", ["u1", "u2"], pl.Utf8),
    pl.Series("item", ["p1", "p2"], pl.Utf8),
    pl.Series("ts", [Date.UTC(2024, 2, 1, 8, 15), Date.UTC(2099, 0, 2, 3, 4, 5, 678)], pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    pl.Series("lat", [31.2, null], pl.Float64),
    pl.Series("lon", [121.4700004, 1214.7], pl.Float64),
    pl.Series("tz_offset_min", [480, 480], pl.Int32),
    pl.Series("category", ["Bar", null], pl.Utf8),
    pl.Series("extra", [1.5, 2], pl.Float64),
  ]);
}

describe("formatEventsCsv", () => {
  it("writes canonical columns in canonical order, then the others (hand-checked bytes)", () => {
    expect(formatEventsCsv(tinyFrame())).toBe(
      "user,item,ts,category,lat,lon,tz_offset_min,text,extra\n" +
        'u1,p1,2024-03-01T08:15:00Z,Bar,31.200000,121.470000,480,"Lotus ""Bar"", Riverside",1.5\n' +
        "u2,p2,2099-01-02T03:04:05.678Z,,,1214.700000,480,Jade Cafe,2\n",
    );
  });

  it("honours coordinateDecimals and rejects bad values", () => {
    const csv = formatEventsCsv(tinyFrame(), { coordinateDecimals: 2 });
    expect(csv.split("\n")[1]).toContain(",31.20,121.47,");
    expect(() => formatEventsCsv(tinyFrame(), { coordinateDecimals: -1 })).toThrow(/coordinateDecimals/);
    expect(() => formatEventsCsv(tinyFrame(), { coordinateDecimals: 2.5 })).toThrow(/coordinateDecimals/);
  });

  it("does not mutate the frame and writes only a header for an empty frame", () => {
    const df = tinyFrame();
    const before = JSON.stringify(df.toRecords());
    formatEventsCsv(df);
    expect(JSON.stringify(df.toRecords())).toBe(before);
    expect(formatEventsCsv(df.head(0))).toBe("user,item,ts,category,lat,lon,tz_offset_min,text,extra\n");
  });
});
