import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";

/** One fixture row as plain JS (the oracle side of the tests). */
export interface Row {
  user: string | null;
  item: string;
  ts: number | null; // epoch ms, UTC wall time
  tsLocal: number | null;
  category: string | null;
  lat: number | null;
  lon: number | null;
}

const DAY = 86_400_000;

/**
 * Seeded random events over `days` days from `startMs`, with planted gaps (days with no
 * events), null timestamps, null categories and a few invalid coordinates.
 */
export function randomRows(n: number, seed: number, startMs = Date.UTC(2024, 0, 1), days = 40): Row[] {
  const rng = createRng(seed);
  const gaps = new Set([3, 4, 17, 30]); // planted empty days
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    let d = rng.int(days);
    while (gaps.has(d)) d = rng.int(days);
    const ts = rng.next() < 0.03 ? null : startMs + d * DAY + rng.int(DAY);
    const offsetMin = [-300, 60, 540][rng.int(3)];
    const u = Math.floor(Math.pow(rng.next(), 3) * 60); // skewed activity
    const r = rng.next();
    const lat = r < 0.02 ? null : r < 0.03 ? 95 : r < 0.04 ? NaN : 40 + rng.normal() * 2;
    const lon = r >= 0.04 && r < 0.05 ? -200 : -74 + rng.normal() * 3;
    rows.push({
      user: rng.next() < 0.02 ? null : `u${u}`,
      item: `i${rng.int(30)}`,
      ts,
      tsLocal: ts === null ? null : ts + offsetMin * 60_000,
      category: rng.next() < 0.05 ? null : ["cafe", "bar", "gym", "park", "shop", "museum", "office", "home", "school", "zoo", "bank"][rng.weighted([9, 7, 6, 5, 4, 3, 3, 2, 2, 1, 1])],
      lat,
      lon,
    });
  }
  return rows;
}

/** The canonical Polars frame of the rows; `ts_local` only when asked. */
export function toFrame(rows: Row[], withLocal = false): pl.DataFrame {
  const df = pl.DataFrame({
    user: pl.Series("user", rows.map((r) => r.user), pl.String),
    item: pl.Series("item", rows.map((r) => r.item), pl.String),
    ts: pl.Series("ts", rows.map((r) => r.ts), pl.Float64),
    ts_local: pl.Series("ts_local", rows.map((r) => r.tsLocal), pl.Float64),
    category: pl.Series("category", rows.map((r) => r.category), pl.String),
    lat: pl.Series("lat", rows.map((r) => r.lat), pl.Float64),
    lon: pl.Series("lon", rows.map((r) => r.lon), pl.Float64),
  }).withColumns(
    pl.col("ts").cast(pl.Int64).cast(pl.Datetime("ms")),
    pl.col("ts_local").cast(pl.Int64).cast(pl.Datetime("ms")),
  );
  return withLocal ? df : df.drop("ts_local");
}

/** JSON round trip: what a notebook output or a file would hold. */
export function roundTrip<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Floor division that is correct for negative epoch values. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}
