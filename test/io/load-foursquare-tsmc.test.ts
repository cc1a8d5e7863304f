import { describe, expect, it } from "vitest";
import { droppedTotal } from "../../src/io/load-report";
import { loadFoursquareTsmc } from "../../src/io/load-foursquare-tsmc";
import { canonicalTypes, fixture, rowsOf, typesOf } from "./fixture-path";

describe("loadFoursquareTsmc", () => {
  it("parses TSMC2014 rows: UTC timestamps, category names (latin-1), tz offsets", () => {
    const { frame, report } = loadFoursquareTsmc(fixture("tsmc", "tsmc-nyc.txt"));
    expect(typesOf(frame)).toEqual(canonicalTypes(["user", "item", "ts", "event", "category", "lat", "lon", "tz_offset_min"]));
    expect(rowsOf(frame)).toEqual([
      { user: "470", item: "49bbd6c0f964a520f4531fe3", ts: "2012-04-03T18:00:09.000Z", event: "check-in", category: "Arts & Crafts Store", lat: 40.719810375488535, lon: -74.00258103213994, tz_offset_min: -240 },
      { user: "979", item: "4a43c0aef964a520c6a61fe3", ts: "2012-04-03T18:00:25.000Z", event: "check-in", category: "Bridge", lat: 40.60679958140643, lon: -74.04416981025437, tz_offset_min: -240 },
      { user: "69", item: "4c5cc7b485a1e21e00d35711", ts: "2012-04-03T18:02:24.000Z", event: "check-in", category: "Café", lat: 40.716161684843215, lon: -73.88307005845945, tz_offset_min: -240 },
    ]);
    expect(report.dropped.map((d) => [d.reason, d.count, d.examples.map((e) => e.line)])).toEqual([
      ["unparsable_ts", 1, [5]], // "Tue Apr 33 …"
      ["bad_tz_offset", 1, [4]], // "abc"
    ]);
    expect(report.dropped[1].examples[0].values).toContain('tz_offset="abc"');
    expect(report.rowsRead).toBe(5);
    expect(report.rowsRead).toBe(report.rowsKept + droppedTotal(report));
  });

  it("fails on a file with the wrong column count, naming the 8 expected columns", () => {
    const f = fixture("snap", "checkins.txt");
    expect(() => loadFoursquareTsmc(f)).toThrow(`${f}: expected 8 columns (user, item, category_id, category, lat, lon, tz_offset, ts) separated by tab`);
  });
});
