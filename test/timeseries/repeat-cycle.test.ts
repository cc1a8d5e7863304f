import { describe, expect, it } from "vitest";
import pl from "nodejs-polars";
import { repeatCycle } from "../../src/timeseries/repeat-cycle";
import { createRng } from "../../src/util/rng";
import { cleanSample } from "./sample-events";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

interface Row { user: string; item: string; day: number; event: string }

function frame(rows: Row[]): pl.DataFrame {
  return pl
    .DataFrame({ user: rows.map((r) => r.user), item: rows.map((r) => r.item), ts: rows.map((r) => T0 + r.day * DAY), event: rows.map((r) => r.event) })
    .withColumns(pl.col("ts").cast(pl.Int64).cast(pl.Datetime("ms")));
}

/** Plain-JS oracle: per (user, item) stats, then the item with most purchases (ties: lowest cv). */
function oracle(rows: Row[], minPurchases: number): Map<string, { item: string; purchases: number; median: number; mean: number; sd: number; cv: number }> {
  const groups = new Map<string, number[]>();
  for (const r of rows) if (r.event === "buy") groups.set(`${r.user}|${r.item}`, [...(groups.get(`${r.user}|${r.item}`) ?? []), r.day]);
  const best = new Map<string, { item: string; purchases: number; median: number; mean: number; sd: number; cv: number }>();
  for (const [key, days] of [...groups.entries()].sort()) {
    if (days.length < minPurchases) continue;
    const [user, item] = key.split("|");
    const d = [...days].sort((a, b) => a - b);
    const g = d.slice(1).map((v, i) => v - d[i]);
    const s = [...g].sort((a, b) => a - b);
    const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    const mean = g.reduce((a, b) => a + b, 0) / g.length;
    const sd = Math.sqrt(g.reduce((a, v) => a + (v - mean) ** 2, 0) / (g.length - 1));
    const cand = { item, purchases: d.length, median, mean, sd, cv: sd / mean };
    const cur = best.get(user);
    if (!cur || cand.purchases > cur.purchases || (cand.purchases === cur.purchases && cand.cv < cur.cv)) best.set(user, cand);
  }
  return best;
}

describe("repeatCycle", () => {
  it("hand-computed: gaps 10, 10, 11 days → median 10, mean 10.33, cv 0.0559", () => {
    const rows: Row[] = [
      ...[0, 10, 20, 31].map((day) => ({ user: "x", item: "i", day, event: "buy" })),
      { user: "x", item: "j", day: 3, event: "buy" },
      { user: "x", item: "j", day: 9, event: "buy" },
      ...[1, 2, 4, 5].map((day) => ({ user: "x", item: "i", day, event: "check-in" })),
      { user: "y", item: "i", day: 1, event: "buy" },
      { user: "y", item: "i", day: 2, event: "buy" },
    ];
    const out = repeatCycle(frame(rows));
    expect(out.columns).toEqual(["user", "item", "purchases", "median_days", "mean_days", "sd_days", "cv"]);
    const [r] = out.toRecords() as unknown as { user: string; item: string; purchases: number; median_days: number; mean_days: number; sd_days: number; cv: number }[];
    expect(out.height).toBe(1); // y has only 2 purchases
    expect(r.user).toBe("x");
    expect(r.item).toBe("i");
    expect(r.purchases).toBe(4);
    expect(r.median_days).toBeCloseTo(10, 12);
    expect(r.mean_days).toBeCloseTo(31 / 3, 12);
    expect(r.sd_days).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(r.cv).toBeCloseTo(Math.sqrt(1 / 3) / (31 / 3), 12);
    // within: null pools every purchase of the user: days 0, 3, 9, 10, 20, 31
    const pooled = repeatCycle(frame(rows), { within: null }).toRecords()[0] as { purchases: number; median_days: number };
    expect(pooled.purchases).toBe(6);
    expect(pooled.median_days).toBeCloseTo(6, 12); // gaps 3, 6, 1, 10, 11
  });

  it("matches a plain-JS oracle on random purchase histories", () => {
    const rng = createRng(19);
    const rows: Row[] = [];
    for (let u = 0; u < 40; u++) {
      const items = 1 + rng.int(3);
      for (let it = 0; it < items; it++) {
        const k = rng.int(7);
        for (let j = 0; j < k; j++) rows.push({ user: `u${u}`, item: `i${it}`, day: rng.int(200) + rng.next(), event: rng.next() < 0.8 ? "buy" : "view" });
      }
    }
    const want = oracle(rows, 3);
    const got = repeatCycle(frame(rows)).toRecords() as unknown as { user: string; item: string; purchases: number; median_days: number; mean_days: number; sd_days: number; cv: number }[];
    expect(got.length).toBe(want.size);
    for (const r of got) {
      const w = want.get(r.user)!;
      expect(r.item).toBe(w.item);
      expect(r.purchases).toBe(w.purchases);
      expect(r.median_days).toBeCloseTo(w.median, 6);
      expect(r.mean_days).toBeCloseTo(w.mean, 6);
      expect(r.sd_days).toBeCloseTo(w.sd, 6);
    }
  });

  it("fails loudly on bad input", () => {
    const df = frame([{ user: "x", item: "i", day: 0, event: "buy" }]);
    expect(() => repeatCycle(df, { minPurchases: 2 })).toThrow(/minPurchases must be an integer >= 3, got 2/);
    expect(() => repeatCycle(df.drop("event"))).toThrow(/needs column 'event'/);
    expect(() => repeatCycle(df, { within: "shop" })).toThrow(/needs column 'shop'/);
    const nullTs = df.withColumns(pl.lit(null).cast(pl.Datetime("ms")).alias("ts"));
    expect(() => repeatCycle(nullTs)).toThrow(/1 purchase\(s\) with a null timestamp/);
    expect(repeatCycle(df.head(0)).height).toBe(0);
  });
});

describe("repeatCycle on the cleaned sample (140 users buy at their grocery every 25–31 days)", () => {
  const { events, truth } = cleanSample();
  const inWindow = events.filter(pl.col("ts").gtEq(new Date(truth.window.startUtc)));
  const planted = new Map(truth.users.filter((u) => u.purchaseCycle).map((u) => [u.user, u.purchaseCycle!.periodDays]));
  const cycles = repeatCycle(inWindow).toRecords() as unknown as { user: string; median_days: number; cv: number }[];

  it("matches every planted user's period within ±2 days (share matched ≥ 0.95)", () => {
    const byUser = new Map(cycles.map((c) => [c.user, c]));
    let matched = 0;
    for (const [user, period] of planted) if (Math.abs((byUser.get(user)?.median_days ?? Infinity) - period) <= 2) matched++;
    expect(planted.size).toBe(140);
    expect(matched / planted.size).toBeGreaterThanOrEqual(0.95); // measured: 140 / 140
  });

  it("regular cycles (cv < 0.25) are almost only the planted users (precision ≥ 0.95)", () => {
    const regular = cycles.filter((c) => c.cv < 0.25);
    const precision = regular.filter((c) => planted.has(c.user)).length / regular.length;
    expect(precision).toBeGreaterThanOrEqual(0.95); // measured: 140 / 141
  });
});
