import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { droppedTotal } from "../../src/io/load-report";
import { LINE } from "../../src/io/read-raw";
import { validateEvents, type FieldRule } from "../../src/io/validate-events";
import { DataError } from "../../src/util/data-error";
import { createRng } from "../../src/util/rng";

const BAD = Symbol("bad");
type Variant = [raw: string | null, parsed: unknown];

// Each raw value with what the validator must make of it: a parsed value, null (kept as null) or BAD.
const VARIANTS: Record<string, Variant[]> = {
  user: [["u1", "u1"], [" u2 ", "u2"], ["u3", "u3"], ["", BAD], [null, BAD], ["  ", BAD]],
  item: [["i1", "i1"], ["i2", "i2"], [null, BAD]],
  ts: [["874965758", 874965758000], ["0", 0], ["1333461608.25", 1333461608250], [null, BAD], ["", BAD], ["12x", BAD], ["1e30", BAD]],
  rating: [["3.5", 3.5], ["5", 5], ["", null], [null, null], ["abc", BAD], ["NaN", BAD], ["inf", BAD]],
  // out-of-range values are parsable: kept here, dropped (and counted) by cleaning
  lat: [["40.75", 40.75], ["-90", -90], ["", null], ["NaN", BAD], ["95", 95], ["-inf", BAD]],
  lon: [["-73.99", -73.99], ["180", 180], [null, null], ["-190", -190], ["1,5", BAD]],
  tz: [["-240", -240], ["60", 60], ["", null], ["1.5", BAD], ["2000", 2000], ["9999999999", BAD]],
  kind: [["pv", "view"], ["buy", "buy"], ["click", BAD], [null, null]], // an empty optional value stays null
};
// the reason each field's BAD produces, and the order reasons are tested in
const REASON: Record<string, (raw: string | null) => string> = {
  user: () => "missing_user",
  item: () => "missing_item",
  ts: (raw) => (raw === null || raw.trim() === "" ? "missing_ts" : "unparsable_ts"),
  rating: () => "bad_rating",
  lat: () => "bad_coordinates",
  lon: () => "bad_coordinates",
  tz: () => "bad_tz_offset",
  kind: () => "unknown_event",
};
const FIELDS = ["user", "item", "ts", "rating", "lat", "lon", "tz", "kind"];
const RULES: FieldRule[] = [
  { column: "user", from: "user" },
  { column: "item", from: "item" },
  { column: "ts", from: "ts", ts: "unix_s" },
  { column: "event", from: "kind", values: { pv: "view", buy: "buy" } },
  { column: "rating", from: "rating" },
  { column: "lat", from: "lat" },
  { column: "lon", from: "lon" },
  { column: "tz_offset_min", from: "tz" },
];
// canonical column order: user, item, ts, event, rating, lat/lon, tz_offset_min
const ORDER = ["blank_line", "missing_user", "missing_item", "missing_ts", "unparsable_ts", "unknown_event", "bad_rating", "bad_coordinates", "bad_tz_offset"];

function randomRows(seed: number, n: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const blank = rng.next() < 0.05;
    return Object.fromEntries(
      FIELDS.map((f) => {
        const vs = VARIANTS[f];
        // mostly good values so that some rows survive
        const v = blank ? ([null, BAD] as Variant) : rng.next() < 0.85 ? vs[rng.int(2)] : vs[rng.int(vs.length)];
        return [f, v];
      }),
    ) as Record<string, Variant>;
  });
}

/** Plain-JS oracle: the first failing reason of a row, or null when kept. */
function oracleReason(row: Record<string, Variant>): string | null {
  if (FIELDS.every((f) => row[f][0] === null || row[f][0]!.trim() === "")) return "blank_line";
  const reasons = FIELDS.filter((f) => row[f][1] === BAD).map((f) => REASON[f](row[f][0]));
  return reasons.length ? ORDER.find((r) => reasons.includes(r))! : null;
}

describe("validateEvents", () => {
  it("keeps, drops and counts rows exactly as a plain-JS oracle on random seeded tables", () => {
    for (const seed of [1, 2, 3, 4]) {
      const rows = randomRows(seed, 400);
      const raw = pl.DataFrame({
        [LINE]: rows.map((_, i) => i + 2),
        ...Object.fromEntries(FIELDS.map((f) => [f, pl.Series(f, rows.map((r) => r[f][0]), pl.Utf8)])),
      });
      const { frame, report } = validateEvents(raw, RULES, { source: "t", file: "f.csv" });
      const reasons = rows.map(oracleReason);
      const kept = rows.filter((_, i) => reasons[i] === null);
      expect(report.rowsRead).toBe(400);
      expect(report.rowsKept).toBe(kept.length);
      expect(report.rowsRead).toBe(report.rowsKept + droppedTotal(report));
      const expected = ORDER.filter((r) => reasons.includes(r)).map((r) => ({
        reason: r,
        count: reasons.filter((x) => x === r).length,
        lines: reasons.flatMap((x, i) => (x === r ? [i + 2] : [])).slice(0, 3),
      }));
      expect(report.dropped.map((d) => ({ reason: d.reason, count: d.count, lines: d.examples.map((e) => e.line) }))).toEqual(expected);
      expect(frame.columns).toEqual(["user", "item", "ts", "event", "rating", "lat", "lon", "tz_offset_min"]);
      const got = frame.toRecords().map((r) => ({ ...r, ts: (r.ts as unknown as Date).getTime() }));
      const want = kept.map((r) => ({
        user: r.user[1], item: r.item[1], ts: r.ts[1], event: r.kind[1], rating: r.rating[1], lat: r.lat[1], lon: r.lon[1], tz_offset_min: r.tz[1],
      }));
      expect(got).toEqual(want);
    }
  });

  it("shows the raw values of each example and tests reasons in a fixed order", () => {
    const raw = pl.DataFrame({
      [LINE]: [1, 2, 3],
      user: pl.Series("user", ["", "a", "b"], pl.Utf8),
      ts: pl.Series("ts", ["oops", "oops", "5"], pl.Utf8),
    });
    const { frame, report } = validateEvents(raw, [{ column: "user", from: "user" }, { column: "item", from: "user" }, { column: "ts", from: "ts", ts: "unix_s" }], {
      source: "t",
      file: "f",
    });
    // line 1 misses the user AND has a bad ts: it counts once, as missing_user
    expect(report.dropped).toEqual([
      { reason: "missing_user", count: 1, examples: [{ line: 1, values: 'user="", ts="oops"' }] },
      { reason: "unparsable_ts", count: 1, examples: [{ line: 2, values: 'user="a", ts="oops"' }] },
    ]);
    expect(frame.toRecords()).toEqual([{ user: "b", item: "b", ts: new Date(5000) }]);
  });

  it("throws a DataError naming the column and the first bad line when every row is bad", () => {
    const raw = pl.DataFrame({ [LINE]: [4, 5], u: ["a", "b"], i: ["x", "y"], t: ["soon", "later"] });
    const rules: FieldRule[] = [{ column: "user", from: "u" }, { column: "item", from: "i" }, { column: "ts", from: "t" }];
    let err: DataError | undefined;
    try {
      validateEvents(raw, rules, { source: "t", file: "x.csv" });
    } catch (e) {
      err = e as DataError;
    }
    expect(err).toBeInstanceOf(DataError);
    expect(err!.column).toBe("t");
    expect(err!.line).toBe(4);
    expect(err!.message).toBe('x.csv:4, column \'t\': every one of the 2 rows was dropped (unparsable_ts: 2); first bad row is unparsable_ts: u="a", i="x", t="soon"');
  });

  it("requires rules for user, item and ts", () => {
    const raw = pl.DataFrame({ [LINE]: [1], u: ["a"] });
    expect(() => validateEvents(raw, [{ column: "user", from: "u" }], { source: "t", file: "f" })).toThrow(/must read column 'item'/);
  });
});
