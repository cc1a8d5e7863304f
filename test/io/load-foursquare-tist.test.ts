import { describe, expect, it } from "vitest";
import { loadFoursquareTist } from "../../src/io/load-foursquare-tist";
import { canonicalTypes, fixture, rowsOf, typesOf } from "./fixture-path";

describe("loadFoursquareTist", () => {
  it("splits on runs of spaces and tabs, with leading/trailing whitespace", () => {
    const { frame, report } = loadFoursquareTist(fixture("tist", "tist-nyc.txt"));
    expect(typesOf(frame)).toEqual(canonicalTypes(["user", "item", "ts", "event", "lat", "lon"]));
    expect(rowsOf(frame)).toEqual([
      // 1333461608 s = 15433 days (2012-04-03) + 50408 s (14:00:08)
      { user: "3", item: "3", ts: "2012-04-03T14:00:08.000Z", event: "check-in", lat: 40.748939, lon: -73.99228 },
      { user: "3", item: "4244", ts: "2012-04-03T14:57:42.000Z", event: "check-in", lat: 40.750795, lon: -73.993576 },
      { user: "15", item: "2715", ts: "2012-12-07T10:27:55.000Z", event: "check-in", lat: 40.773839, lon: -73.87122 },
    ]);
    expect(report.dropped).toEqual([
      { reason: "unparsable_ts", count: 1, examples: [{ line: 4, values: 'user="15", item="14627", lat="40.757564", lon="-73.989238", ts="notatime"' }] },
    ]);
  });

  it("fails on a file with fewer than 5 whitespace-separated columns", () => {
    const f = fixture("snap", "checkins-comma.csv");
    expect(() => loadFoursquareTist(f)).toThrow(`${f}: expected 5 columns (user, item, lat, lon, ts) separated by whitespace (runs of spaces or tabs), but found 1 column`);
  });
});
