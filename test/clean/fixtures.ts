import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";

/** A plain event row for fixtures; `ts` in epoch ms. */
export interface Row {
  user: string;
  item: string;
  ts: number;
  rating?: number | null;
  lat?: number | null;
  lon?: number | null;
  tz_offset_min?: number | null;
}

/** Builds a canonical frame from plain rows (ts cast to Datetime("ms")). */
export function frameOf(rows: Row[], extra: string[] = []): pl.DataFrame {
  const data: Record<string, unknown[]> = {
    user: rows.map((r) => r.user),
    item: rows.map((r) => r.item),
    ts: rows.map((r) => r.ts),
  };
  for (const c of extra) data[c] = rows.map((r) => (r as unknown as Record<string, unknown>)[c] ?? null);
  let df = pl.DataFrame(data).withColumn(pl.col("ts").cast(pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")));
  for (const c of extra) if (c === "tz_offset_min") df = df.withColumn(pl.col(c).cast(pl.Int32));
  else df = df.withColumn(pl.col(c).cast(pl.Float64));
  return df;
}

/** Frame back to plain rows (ts as epoch ms). */
export function rowsOf(df: pl.DataFrame): Row[] {
  return df.toRecords().map((r) => {
    const o = { ...(r as Record<string, unknown>) };
    for (const [k, v] of Object.entries(o)) if (v instanceof Date) o[k] = v.getTime();
    return o as unknown as Row;
  });
}

/**
 * Seeded random events: `n` rows over `users` users and `items` items, timestamps in
 * `[t0, t0 + spanMs)` rounded to `stepMs` (coarse steps make ties and duplicates likely).
 */
export function randomRows(
  n: number,
  seed: number,
  o: { users?: number; items?: number; t0?: number; spanMs?: number; stepMs?: number; skew?: boolean } = {},
): Row[] {
  const rng = createRng(seed);
  const users = o.users ?? 30;
  const items = o.items ?? 40;
  const t0 = o.t0 ?? Date.UTC(2024, 0, 1);
  const span = o.spanMs ?? 10 * 86_400_000;
  const step = o.stepMs ?? 1000;
  const pick = (k: number) => (o.skew ? Math.floor(k * rng.next() * rng.next()) : rng.int(k));
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      user: `u${pick(users)}`,
      item: `i${pick(items)}`,
      ts: t0 + Math.floor((rng.next() * span) / step) * step,
      rating: 1 + rng.int(5),
    });
  }
  return rows;
}

/** Repeats some rows (exact duplicates) and adds close re-events, shuffled in. */
export function withDuplicates(rows: Row[], seed: number, closeMs: number): Row[] {
  const rng = createRng(seed);
  const out = [...rows];
  for (let i = 0; i < rows.length / 5; i++) out.push({ ...rows[rng.int(rows.length)] });
  for (let i = 0; i < rows.length / 5; i++) {
    const r = rows[rng.int(rows.length)];
    out.push({ ...r, ts: r.ts + rng.int(Math.max(1, Math.floor(closeMs / 1000)) + 1) * 1000 });
  }
  return rng.shuffle(out);
}
