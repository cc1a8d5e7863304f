import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { droppedTotal } from "../../src/io/load-report";
import { loadSnapCheckins } from "../../src/io/load-snap-checkins";
import { DataError } from "../../src/util/data-error";
import { canonicalTypes, fixture, rowsOf, typesOf } from "./fixture-path";

describe("loadSnapCheckins", () => {
  it("parses the SNAP format and joins spot names (quotes kept, duplicate spot ids: first wins)", () => {
    const { frame, report } = loadSnapCheckins(fixture("snap", "checkins.txt"), { spots: fixture("snap", "spots.tsv") });
    expect(typesOf(frame)).toEqual(canonicalTypes(["user", "item", "ts", "event", "lat", "lon", "text"]));
    expect(rowsOf(frame)).toEqual([
      { user: "0", item: "23261", ts: "2010-10-12T00:21:28.000Z", event: "check-in", lat: 40.6438845363, lon: -73.78280639649999, text: "JFK John F. Kennedy International" },
      { user: "0", item: "16907", ts: "2010-10-11T20:21:20.000Z", event: "check-in", lat: 40.74137425, lon: -73.9881052167, text: "Shake Shack" },
      { user: "1", item: "999999", ts: "2010-10-11T20:20:42.000Z", event: "check-in", lat: 40.741388197, lon: -73.98945450779999, text: null },
    ]);
    expect(report).toMatchObject({ source: "snap-checkins", rowsRead: 3, rowsKept: 3, dropped: [] });
    expect(report.notes).toContain("2 of 3 check-ins have a spot name");
  });

  it("has no text column without a spots file", () => {
    expect(loadSnapCheckins(fixture("snap", "checkins.txt")).frame.columns).toEqual(["user", "item", "ts", "event", "lat", "lon"]);
  });

  it("drops unparsable timestamps, NaN / text coordinates and missing items, by reason; keeps lat 91 for cleaning", () => {
    const { frame, report } = loadSnapCheckins(fixture("snap", "checkins-bad.txt"));
    expect(rowsOf(frame).map((r) => [r.user, r.item, r.ts, r.lat])).toEqual([
      ["0", "23261", "2010-10-12T00:21:28.000Z", 40.6438845363],
      ["2", "5", "2010-10-10T10:00:00.000Z", 91], // parsable, impossible: dropImpossible's job
      ["2", "6", "2010-10-10T11:00:00.000Z", 40.5],
    ]);
    expect(report.dropped.map((d) => [d.reason, d.count, d.examples.map((e) => e.line)])).toEqual([
      ["missing_item", 1, [4]],
      ["unparsable_ts", 2, [2, 7]], // month 13; trailing junk after Z
      ["bad_coordinates", 2, [3, 8]], // lat NaN; lon "abc"
    ]);
    expect(report.dropped[1].examples[0].values).toBe('user="0", ts="2010-13-11T20:21:20Z", lat="40.74137425", lon="-73.9881052167", item="16907"');
    expect(report.rowsRead).toBe(8);
    expect(report.rowsRead).toBe(report.rowsKept + droppedTotal(report));
  });

  it("fails on a comma file, a missing file and an empty file, naming the file", () => {
    const comma = fixture("snap", "checkins-comma.csv");
    expect(() => loadSnapCheckins(comma)).toThrow(`${comma}: expected 5 columns (user, ts, lat, lon, item) separated by tab ("\\t"), but found 1 column`);
    expect(() => loadSnapCheckins(fixture("snap", "nope.txt"))).toThrow(`${fixture("snap", "nope.txt")}: file not found`);
    expect(() => loadSnapCheckins(fixture("empty.txt"))).toThrow(DataError);
    expect(() => loadSnapCheckins(fixture("empty.txt"))).toThrow(/empty/);
    expect(() => loadSnapCheckins(fixture("snap", "checkins.txt"), { spots: fixture("snap", "no-spots.tsv") })).toThrow(/no-spots\.tsv: file not found/);
  });

  it("calls a file of blank lines empty", () => {
    const dir = mkdtempSync(join(tmpdir(), "snap-blank-"));
    writeFileSync(join(dir, "blank.txt"), "\n\n  \n");
    expect(() => loadSnapCheckins(join(dir, "blank.txt"))).toThrow(`${join(dir, "blank.txt")}: file is empty (only blank lines)`);
  });

  it("reads at most nRows check-ins", () => {
    expect(loadSnapCheckins(fixture("snap", "checkins.txt"), { nRows: 2 }).frame.height).toBe(2);
  });
});
