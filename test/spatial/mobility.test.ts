import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";
import { haversine } from "../../src/spatial/haversine";
import { homeLocations } from "../../src/spatial/home-location";
import { userMobility } from "../../src/spatial/mobility";
import { radiusOfGyration } from "../../src/spatial/radius-of-gyration";

describe("userMobility", () => {
  it("joins homes and radii of gyration per user and measures home-to-centre distance", () => {
    const rng = createRng(12);
    const n = 600;
    const df = pl.DataFrame({
      uid: Array.from({ length: n }, () => `u${rng.int(15)}`),
      lat: Array.from({ length: n }, () => 31.2 + rng.next() * 0.08),
      lon: Array.from({ length: n }, () => 121.4 + rng.next() * 0.1),
      hour: pl.Series("hour", Array.from({ length: n }, () => rng.int(24)), pl.Int32),
    });
    const m = userMobility(df, { userColumn: "uid", cellSizeM: 1000 });
    expect(m.columns).toEqual(["uid", "n_events", "n_night", "basis", "home_lat", "home_lon", "home_cell", "home_events", "centre_lat", "centre_lon", "r_gyration_m", "home_to_centre_m"]);
    const homes = homeLocations(df, { userColumn: "uid", cellSizeM: 1000 });
    const rg = radiusOfGyration(df, { userColumn: "uid" });
    expect(m.select("uid", "home_lat", "home_lon", "basis").toRecords()).toEqual(homes.select("uid", "home_lat", "home_lon", "basis").toRecords());
    expect(m.getColumn("r_gyration_m").toArray()).toEqual(rg.getColumn("r_gyration_m").toArray());
    for (const r of m.toRecords() as Record<string, number>[]) {
      expect(r.home_to_centre_m).toBeCloseTo(haversine(r.home_lat, r.home_lon, r.centre_lat, r.centre_lon), 6);
    }
    expect(m.height).toBe(15);
  });
});
