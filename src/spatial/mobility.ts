import pl from "nodejs-polars";
import { COL } from "../schema";
import { haversinePairs } from "./haversine";
import { homeLocations, type HomeLocationsOptions } from "./home-location";
import { radiusOfGyration } from "./radius-of-gyration";

/**
 * Options of {@link userMobility}: those of `homeLocations` (user and coordinate columns are shared).
 *
 * @example
 * ```ts
 * userMobility(df, { cellSizeM: 300, userColumn: "uid" });
 * ```
 */
export type UserMobilityOptions = HomeLocationsOptions;

/**
 * One mobility profile per user: the estimated home ({@link homeLocations}), the centre of mass
 * and radius of gyration ({@link radiusOfGyration}), and the distance from home to the centre.
 *
 * @param df events with user, coordinates and the local hour (`hour` or `ts_local`)
 * @param options see {@link UserMobilityOptions}
 * @returns one row per user, sorted by user: `user`, `n_events`, `n_night`, `basis`,
 *   `home_lat`, `home_lon`, `home_cell`, `home_events`, `centre_lat`, `centre_lon`,
 *   `r_gyration_m`, `home_to_centre_m`
 * @example
 * ```ts
 * const profiles = userMobility(addTimeFeatures(events));
 * profiles.select(pl.col("r_gyration_m").median());
 * ```
 */
export function userMobility(df: pl.DataFrame, options: UserMobilityOptions = {}): pl.DataFrame {
  const user = options.userColumn ?? COL.user;
  const homes = homeLocations(df, options);
  const gyr = radiusOfGyration(df, { userColumn: user, cols: options.cols }).drop("n_events");
  const joined = homes.join(gyr, { on: user }).sort(user);
  const d = haversinePairs(
    joined.getColumn("home_lat").toTypedArray() as Float64Array,
    joined.getColumn("home_lon").toTypedArray() as Float64Array,
    joined.getColumn("centre_lat").toTypedArray() as Float64Array,
    joined.getColumn("centre_lon").toTypedArray() as Float64Array,
  );
  return joined
    .withColumns(pl.Series("home_to_centre_m", d, pl.Float64))
    .select(user, "n_events", "n_night", "basis", "home_lat", "home_lon", "home_cell", "home_events", "centre_lat", "centre_lon", "r_gyration_m", "home_to_centre_m");
}
