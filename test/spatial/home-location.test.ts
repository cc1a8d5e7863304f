import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { homeLocations } from "../../src/spatial/home-location";

const M_LAT = (6_371_008.8 * Math.PI) / 180;
interface Ev { user: string; lat: number; lon: number; hour: number }
const at = (user: string, [lat, lon]: [number, number], hour: number, times: number): Ev[] => Array.from({ length: times }, () => ({ user, lat, lon, hour }));
const frame = (evs: Ev[]) =>
  pl.DataFrame({ user: evs.map((e) => e.user), lat: evs.map((e) => e.lat), lon: evs.map((e) => e.lon), hour: pl.Series("hour", evs.map((e) => e.hour), pl.Int32) });

const HOME_A: [number, number] = [31.21, 121.41];
const WORK: [number, number] = [31.25, 121.5];
const BAR: [number, number] = [31.28, 121.45];

describe("homeLocations", () => {
  const evs: Ev[] = [
    // a: 5 night events at home (hours 23, 2, 22, 5), 1 at a bar at night, 20 daytime at work
    ...at("a", HOME_A, 23, 2), ...at("a", HOME_A, 2, 1), ...at("a", HOME_A, 22, 1), ...at("a", HOME_A, 5, 1),
    ...at("a", BAR, 1, 1), ...at("a", WORK, 12, 20),
    // a's second home venue 100 m north, same 500 m cell: the home is the mean of both places' events
    ...at("a", [HOME_A[0] + 100 / M_LAT, HOME_A[1]], 0, 1),
    // b: 2 night events (< minNightEvents = 3) → falls back to all events: work wins
    ...at("b", BAR, 23, 2), ...at("b", WORK, 9, 6), ...at("b", HOME_A, 6, 3), // hour 6 is not night
    // c: a tie between two cells at night: the lower cell id (further south) wins
    ...at("c", BAR, 23, 3), ...at("c", HOME_A, 1, 3),
  ];
  const df = frame(evs);

  it("finds the modal night cell and returns the mean of its events", () => {
    const h = homeLocations(df).toRecords() as Record<string, unknown>[];
    expect(h.map((r) => r.user)).toEqual(["a", "b", "c"]);
    const [a, b, c] = h;
    expect(a.basis).toBe("night");
    expect(a.home_events).toBe(6);
    expect(a.home_lat).toBeCloseTo((5 * HOME_A[0] + HOME_A[0] + 100 / M_LAT) / 6, 10);
    expect(a.home_lon).toBeCloseTo(HOME_A[1], 10);
    expect([a.n_events, a.n_night]).toEqual([27, 7]);
    expect(b.basis).toBe("all");
    expect(b.home_lat).toBeCloseTo(WORK[0], 10);
    expect(b.home_lon).toBeCloseTo(WORK[1], 10);
    expect([b.home_events, b.n_night]).toEqual([6, 2]);
    expect(c.home_lat).toBeCloseTo(HOME_A[0], 10); // 31.21 is south of 31.28: lower row, lower id
    expect(c.home_lon).toBeCloseTo(HOME_A[1], 10);
  });

  it("reads the hour from ts_local when there is no hour column, and honours nightHours and minNightEvents", () => {
    const base = Date.UTC(2024, 0, 1);
    const withTs = df.drop("hour").withColumns(pl.Series("ts_local", evs.map((e) => base + e.hour * 3_600_000), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")));
    expect(homeLocations(withTs).toRecords()).toEqual(homeLocations(df).toRecords());
    const daytime = homeLocations(df, { nightHours: { from: 9, to: 17 } }).toRecords() as Record<string, unknown>[];
    expect(daytime[0].home_lat).toBeCloseTo(WORK[0], 10);
    expect(daytime[0].basis).toBe("night");
    const b = (homeLocations(df, { minNightEvents: 2 }).toRecords() as Record<string, unknown>[])[1];
    expect(b.home_lat).toBeCloseTo(BAR[0], 10);
    expect(b.basis).toBe("night");
  });

  it("fails loudly on bad input", () => {
    expect(() => homeLocations(df.drop("hour"))).toThrow(/needs the local hour: column 'hour' or 'ts_local'/);
    expect(() => homeLocations(df.drop("user"))).toThrow(/needs column 'user'/);
    expect(() => homeLocations(df, { minNightEvents: -1 })).toThrow(/minNightEvents/);
    expect(() => homeLocations(df, { nightHours: { from: 25, to: 6 } })).toThrow(/nightHours/);
    const bad = df.withColumns(pl.when(pl.col("user").eq(pl.lit("c"))).then(pl.lit(NaN)).otherwise(pl.col("lon")).alias("lon"));
    expect(() => homeLocations(bad)).toThrow(/row 38 \(0-based\) has lon = NaN/);
    expect(() => homeLocations(df.head(0))).toThrow(/empty/);
    expect(() => homeLocations(df.withColumns(pl.lit(null).cast(pl.Int32).alias("hour")))).toThrow(/no local hour/);
  });
});
