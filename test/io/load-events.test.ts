import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { loadEvents } from "../../src/io/load-events";
import { droppedTotal } from "../../src/io/load-report";
import { DataError } from "../../src/util/data-error";
import { canonicalTypes, fixture, rowsOf, typesOf } from "./fixture-path";

const ALL = ["user", "item", "ts", "event", "rating", "category", "lat", "lon", "tz_offset_min", "text"];

describe("loadEvents (CSV)", () => {
  it("reads a canonical CSV without a mapping; empty optional values stay null", () => {
    const { frame, report } = loadEvents(fixture("events", "canonical.csv"));
    expect(typesOf(frame)).toEqual(canonicalTypes(ALL));
    expect(rowsOf(frame)).toEqual([
      { user: "u1", item: "p1", ts: "2024-03-01T08:15:00.000Z", event: "check-in", rating: null, category: "cafe", lat: 40.75, lon: -73.99, tz_offset_min: -300, text: "Blue Bottle" },
      { user: "u1", item: "p2", ts: "2024-03-01T12:30:45.000Z", event: "check-in", rating: 4.5, category: null, lat: null, lon: null, tz_offset_min: -300, text: null },
      { user: "u2", item: "p1", ts: "2024-03-02T23:59:59.000Z", event: "view", rating: null, category: "cafe", lat: 40.75, lon: -73.99, tz_offset_min: null, text: 'Cafe, "the" one' },
    ]);
    expect(report).toMatchObject({ source: "canonical.csv", rowsRead: 3, rowsKept: 3, dropped: [] });
  });

  it("maps source columns, parses unix seconds and reports bad rows by source name", () => {
    const { frame, report } = loadEvents(fixture("events", "custom.csv"), {
      mapping: { user: "uid", item: "poi", ts: "time", lat: "latitude", lon: "longitude" },
      tsFormat: "unix_s",
    });
    expect(rowsOf(frame)).toEqual([
      { user: "a", item: "x", ts: "2012-04-03T14:00:08.000Z", lat: 40.1, lon: -73.1 },
      { user: "b", item: "y", ts: "2012-04-03T14:57:42.000Z", lat: 40.2, lon: -73.2 },
    ]);
    expect(report.dropped).toEqual([
      { reason: "unparsable_ts", count: 1, examples: [{ line: 4, values: 'uid="c", poi="z", time="bad", latitude="40.3", longitude="-73.3"' }] },
    ]);
    expect(report.rowsRead).toBe(report.rowsKept + droppedTotal(report));
    expect(report.notes[0]).toBe("columns: user <- uid, item <- poi, ts <- time, lat <- latitude, lon <- longitude");
  });

  it("parses mixed ISO-8601 forms (offsets, space, date only, fraction, minutes) in a .tsv", () => {
    const { frame, report } = loadEvents(fixture("events", "mixed-iso.tsv"));
    expect(rowsOf(frame).map((r) => r.ts)).toEqual([
      "2024-03-01T08:15:00.000Z", // 09:15+01:00
      "2024-03-01T08:15:00.000Z",
      "2024-03-01T00:00:00.000Z",
      "2024-03-01T08:15:00.250Z",
      "2024-03-01T08:15:00.000Z",
    ]);
    expect(report.dropped).toEqual([{ reason: "unparsable_ts", count: 1, examples: [{ line: 7, values: 'user="f", item="x", ts="01/03/2024"' }] }]);
  });

  it("parses a strftime tsFormat", () => {
    const { frame } = loadEvents(fixture("events", "strftime.csv"), { mapping: { user: "who", item: "what", ts: "when" }, tsFormat: "%d/%m/%Y %H:%M" });
    expect(rowsOf(frame)).toEqual([
      { user: "a", item: "x", ts: "2024-03-01T08:15:00.000Z" },
      { user: "b", item: "y", ts: "2023-12-31T23:59:00.000Z" },
    ]);
  });

  it("fails when the mapping names a missing column, naming it and listing the available ones", () => {
    const f = fixture("events", "custom.csv");
    expect(() => loadEvents(f, { mapping: { user: "uid", item: "venue", ts: "time" } })).toThrow(
      `${f}, column 'venue': not found; available columns: uid, poi, time, latitude, longitude, extra`,
    );
    expect(() => loadEvents(f)).toThrow(`${f}, column 'user': not found and no mapping given; available columns: uid, poi, time, latitude, longitude, extra`);
  });

  it("fails when every row is bad, on an empty file and on a header without rows", () => {
    const f = fixture("events", "all-bad.csv");
    expect(() => loadEvents(f)).toThrow(`${f}:2, column 'ts': every one of the 2 rows was dropped (unparsable_ts: 2)`);
    expect(() => loadEvents(fixture("empty.txt"))).toThrow(/empty/);
    expect(() => loadEvents(fixture("header-only.csv"))).toThrow(/empty/);
  });

  it("hints at the separator when a semicolon file is read as CSV", () => {
    const dir = mkdtempSync(join(tmpdir(), "events-"));
    const f = join(dir, "semi.csv");
    writeFileSync(f, "user;item;ts\na;b;2024-01-01\n");
    expect(() => loadEvents(f)).toThrow(/wrong separator/);
    expect(loadEvents(f, { sep: ";" }).frame.height).toBe(1);
  });

  it("reads a headerless file through column_N names, with line numbers from line 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "events-nh-"));
    const f = join(dir, "plain.csv");
    writeFileSync(f, "a,x,874965758000\nb,y,oops\n");
    const { frame, report } = loadEvents(f, { hasHeader: false, mapping: { user: "column_1", item: "column_2", ts: "column_3" }, tsFormat: "unix_ms" });
    expect(rowsOf(frame)).toEqual([{ user: "a", item: "x", ts: "1997-09-22T22:02:38.000Z" }]);
    expect(report.dropped[0].examples).toEqual([{ line: 2, values: 'column_1="b", column_2="y", column_3="oops"' }]);
  });

  it("rejects an invalid mapping or tsFormat", () => {
    const f = fixture("events", "custom.csv");
    expect(() => loadEvents(f, { mapping: { user: "uid", item: "poi" } as never })).toThrow(/must map 'ts'/);
    expect(() => loadEvents(f, { mapping: { user: "uid", item: "poi", ts: "time" }, tsFormat: "seconds" })).toThrow(/tsFormat must be/);
  });
});

describe("loadEvents (Parquet)", () => {
  const dir = mkdtempSync(join(tmpdir(), "events-pq-"));
  const file = join(dir, "events.parquet");
  pl.DataFrame({
    uid: pl.Series("uid", [7, 8, null], pl.Int64),
    poi: ["x", "y", "z"],
    when: pl.Series("when", [new Date("2024-03-01T08:15:00.123Z"), new Date("2024-03-02T00:00:00Z"), new Date("2024-03-03T00:00:00Z")]).cast(pl.Datetime("us")),
    stars: [4.5, null, 3],
  }).writeParquet(file);

  it("reads typed columns, a datetime ts and null optional values; rows are 1-based in examples", () => {
    const { frame, report } = loadEvents(file, { mapping: { user: "uid", item: "poi", ts: "when", rating: "stars" } });
    expect(typesOf(frame)).toEqual(canonicalTypes(["user", "item", "ts", "rating"]));
    expect(rowsOf(frame)).toEqual([
      { user: "7", item: "x", ts: "2024-03-01T08:15:00.123Z", rating: 4.5 },
      { user: "8", item: "y", ts: "2024-03-02T00:00:00.000Z", rating: null },
    ]);
    expect(report.dropped.map((d) => [d.reason, d.count, d.examples[0].line])).toEqual([["missing_user", 1, 3]]);
  });

  it("names a missing Parquet column and lists the available ones", () => {
    expect(() => loadEvents(file, { mapping: { user: "uid", item: "venue", ts: "when" } })).toThrow(`${file}, column 'venue': not found; available columns: uid, poi, when, stars`);
    expect(() => loadEvents(file)).toThrow(DataError);
  });
});
