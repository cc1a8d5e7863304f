import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";

/** A plain event for recommender fixtures; `ts` in epoch ms (default: a fixed day + row index seconds). */
export interface Ev {
  user: string;
  item: string;
  ts?: number;
  rating?: number;
  category?: string;
}

const T0 = Date.UTC(2024, 0, 1);

/** Canonical frame (user, item, ts Datetime("ms"), rating Float64, category when given) from plain events. */
export function eventsFrame(rows: readonly Ev[]): pl.DataFrame {
  const cols: pl.Series[] = [
    pl.Series("user", rows.map((r) => r.user), pl.Utf8),
    pl.Series("item", rows.map((r) => r.item), pl.Utf8),
    pl.Series("ts", rows.map((r, i) => r.ts ?? T0 + i * 1000), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    pl.Series("rating", rows.map((r) => r.rating ?? 1), pl.Float64),
  ];
  if (rows.some((r) => r.category !== undefined)) cols.push(pl.Series("category", rows.map((r) => r.category ?? null), pl.Utf8));
  return pl.DataFrame(cols);
}

/** Plain (user, item) frame. */
export function pairsFrame(pairs: readonly [string, string][]): pl.DataFrame {
  return pl.DataFrame({ user: pl.Series("user", pairs.map((p) => p[0]), pl.Utf8), item: pl.Series("item", pairs.map((p) => p[1]), pl.Utf8) });
}

/**
 * Seeded random events over `users` × `items` with skewed item popularity (so popularity has a
 * clear order) and timestamps spread over `days` days.
 */
export function randomEvents(n: number, seed: number, o: { users?: number; items?: number; days?: number } = {}): Ev[] {
  const rng = createRng(seed);
  const users = o.users ?? 30;
  const items = o.items ?? 25;
  const days = o.days ?? 60;
  const out: Ev[] = [];
  for (let r = 0; r < n; r++) {
    const item = Math.floor(items * rng.next() * rng.next());
    out.push({
      user: `u${String(rng.int(users)).padStart(2, "0")}`,
      item: `i${String(item).padStart(2, "0")}`,
      ts: T0 + Math.floor(rng.next() * days * 86_400_000),
      rating: 1 + rng.int(5),
    });
  }
  return out;
}

/** Rows of a recommendation frame as plain objects. */
export interface RecRow {
  user: string;
  item: string;
  score: number;
  rank: number;
  fallback: boolean;
}

/** Recommendation frame → plain rows. */
export function recRows(df: pl.DataFrame): RecRow[] {
  return df.toRecords() as unknown as RecRow[];
}

/** Distinct items per user of a list of events. */
export function seenByUser(rows: readonly Ev[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!m.has(r.user)) m.set(r.user, new Set());
    m.get(r.user)!.add(r.item);
  }
  return m;
}

/** Items by descending number of distinct users, ties by id (JavaScript string order): the popularity oracle. */
export function popularityOrder(rows: readonly Ev[]): string[] {
  const users = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!users.has(r.item)) users.set(r.item, new Set());
    users.get(r.item)!.add(r.user);
  }
  return [...users.keys()].sort((a, b) => users.get(b)!.size - users.get(a)!.size || (a < b ? -1 : a > b ? 1 : 0));
}
