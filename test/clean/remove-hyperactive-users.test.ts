import { describe, expect, it } from "vitest";
import type { NotedCleanStep } from "../../src/clean/noted-step";
import { removeHyperactiveUsers } from "../../src/clean/remove-hyperactive-users";
import { removeOutliers } from "../../src/clean/remove-outliers";
import { createRng } from "../../src/util/rng";
import { frameOf, rowsOf, type Row } from "./fixtures";

const T = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

/**
 * 150 ordinary users (1–3 events a day on 5–60 days), 5 loyal heavy users (2–4 events a day
 * on 150 days: 450–600 events) and one bot (300 events on 3 days). The bot has fewer events
 * than every heavy user, but ~30× their events per active day.
 */
function heavyAndBot(seed: number): Row[] {
  const rng = createRng(seed);
  const rows: Row[] = [];
  const add = (user: string, days: number, perDay: () => number) => {
    const chosen = rng.shuffle(Array.from({ length: 200 }, (_, d) => d)).slice(0, days);
    for (const d of chosen) {
      const k = perDay();
      for (let e = 0; e < k; e++) rows.push({ user, item: `i${rng.int(50)}`, ts: T + d * DAY + rng.int(DAY) });
    }
  };
  for (let u = 0; u < 150; u++) add(`u${u}`, 5 + rng.int(56), () => 1 + rng.int(3));
  for (let h = 0; h < 5; h++) add(`heavy${h}`, 150, () => 2 + rng.int(3));
  add("bot", 3, () => 100);
  return rng.shuffle(rows);
}

/** Brute force: events / distinct UTC days (null ts: an event without a day; at least one day). */
function perActiveDay(rows: Row[]): Map<string, number> {
  const counts = new Map<string, number>();
  const days = new Map<string, Set<number>>();
  for (const r of rows) {
    counts.set(r.user, (counts.get(r.user) ?? 0) + 1);
    const set = days.get(r.user) ?? new Set<number>();
    if (r.ts !== null) set.add(Math.floor(r.ts / DAY));
    days.set(r.user, set);
  }
  return new Map([...counts].map(([u, n]) => [u, n / Math.max(1, days.get(u)!.size)]));
}

/** 200 ordinary users (3–30 events) and two bots (2000 and 5000 events). */
function planted(seed: number): Row[] {
  const rng = createRng(seed);
  const rows: Row[] = [];
  const add = (user: string, n: number) => {
    for (let i = 0; i < n; i++) rows.push({ user, item: `i${rng.int(50)}`, ts: T + rng.int(1e9) });
  };
  for (let u = 0; u < 200; u++) add(`u${u}`, 3 + rng.int(28));
  add("bot1", 2000);
  add("bot2", 5000);
  return rng.shuffle(rows);
}

function oracleUsers(rows: Row[], method: "zscore" | "iqr", t: number, k: number, log: boolean, perDay = false): string[] {
  const counts = perDay ? perActiveDay(rows) : new Map<string, number>();
  if (!perDay) for (const r of rows) counts.set(r.user, (counts.get(r.user) ?? 0) + 1);
  const users = [...counts.keys()];
  const v = users.map((u) => (log ? Math.log(counts.get(u)!) : counts.get(u)!));
  let upper: number;
  if (method === "zscore") {
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
    return users.filter((_, i) => (v[i] - mean) / sd > t).sort();
  } else {
    const s = [...v].sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (s.length - 1) * p;
      return s[Math.floor(h)] + (h - Math.floor(h)) * (s[Math.ceil(h)] - s[Math.floor(h)]);
    };
    upper = q(0.75) + k * (q(0.75) - q(0.25));
  }
  return users.filter((_, i) => v[i] > upper).sort();
}

describe("removeHyperactiveUsers", () => {
  it("removes exactly the planted bots (all their events) and reports them", () => {
    const rows = planted(1);
    const { frame, report, users } = removeHyperactiveUsers(frameOf(rows), { method: "iqr", k: 3 });
    expect(users).toEqual(["bot1", "bot2"]);
    expect(rowsOf(frame)).toEqual(rows.filter((r) => !r.user.startsWith("bot")));
    expect(report[0]).toMatchObject({ step: "removeHyperactiveUsers", reason: "hyperactive_user", rowsIn: rows.length, rowsOut: rows.length - 7000 });
  });

  it.each([
    ["zscore", 3, 1.5, true],
    ["zscore", 2, 1.5, false],
    ["iqr", 3, 1.5, true],
    ["iqr", 3, 1.5, false],
  ] as const)("matches an oracle (%s, t=%d, k=%d, log=%s) on random activity", (method, t, k, log) => {
    const rng = createRng(5);
    const rows: Row[] = [];
    for (let u = 0; u < 150; u++) {
      // log-normal activity, plus three heavy users
      const n = u < 3 ? 500 + rng.int(3000) : 1 + Math.floor(Math.exp(2 + rng.normal()));
      for (let i = 0; i < n; i++) rows.push({ user: `u${u}`, item: "x", ts: T + i });
    }
    const expected = oracleUsers(rows, method, t, k, log);
    expect(expected.length).toBeGreaterThan(0);
    const { users, frame } = removeHyperactiveUsers(frameOf(rows), { method, threshold: t, k, logCounts: log });
    expect(users).toEqual(expected);
    expect(frame.height).toBe(rows.filter((r) => !expected.includes(r.user)).length);
  });

  it("flags instead of dropping in flag mode, and is reachable through removeOutliers", () => {
    const rows = planted(2);
    const flagged = removeHyperactiveUsers(frameOf(rows), { method: "iqr", k: 3, mode: "flag" });
    expect(flagged.frame.height).toBe(rows.length);
    expect(flagged.frame.getColumn("hyperactive_user").toArray().filter(Boolean).length).toBe(7000);
    expect(flagged.report[0].valuesChanged).toBe(7000);
    const via = removeOutliers(frameOf(rows), { target: "user_activity", method: "iqr", k: 3 });
    expect(via.frame.height).toBe(rows.length - 7000);
  });

  it("per active day, removes the planted bot and no loyal heavy user; on totals it cannot", () => {
    const rows = heavyAndBot(7);
    const df = frameOf(rows);
    const perDay = removeHyperactiveUsers(df, { measure: "events_per_active_day" });
    expect(perDay.users).toEqual(["bot"]);
    expect(perDay.frame.height).toBe(rows.length - 300);
    expect((perDay.report[0] as NotedCleanStep).note).toMatch(/log events per active day/);
    // on total events the bot (300) sits below every heavy user, so no upper bound on totals can
    // single it out: the default z-score keeps it
    const total = (u: string) => rows.filter((r) => r.user === u).length;
    for (let h = 0; h < 5; h++) expect(total(`heavy${h}`)).toBeGreaterThan(total("bot"));
    expect(removeHyperactiveUsers(df, { measure: "events" }).users).not.toContain("bot");
  });

  it.each([
    ["zscore", 3, 1.5, true],
    ["zscore", 2, 1.5, false],
    ["iqr", 3, 1.5, true],
    ["iqr", 3, 3, false],
  ] as const)("per active day matches a brute-force oracle (%s, t=%d, k=%d, log=%s)", (method, t, k, log) => {
    const rng = createRng(11);
    const rows = heavyAndBot(3).map((r) => (rng.next() < 0.01 ? { ...r, ts: null as unknown as number } : r));
    rows.push({ user: "ghost", item: "i1", ts: null as unknown as number }, { user: "ghost", item: "i2", ts: null as unknown as number });
    const expected = oracleUsers(rows, method, t, k, log, true);
    expect(expected.length).toBeGreaterThan(0);
    const { users, frame } = removeHyperactiveUsers(frameOf(rows), { method, threshold: t, k, logCounts: log, measure: "events_per_active_day" });
    expect(users).toEqual(expected);
    expect(frame.height).toBe(rows.filter((r) => !expected.includes(r.user)).length);
  });

  it("fails loudly on an unknown measure or a missing ts column", () => {
    const df = frameOf(planted(3));
    expect(() => removeHyperactiveUsers(df, { measure: "sessions" as never })).toThrow(/measure/);
    expect(() => removeHyperactiveUsers(df.drop("ts"), { measure: "events_per_active_day" })).toThrow(/ts/);
    expect(removeHyperactiveUsers(df.drop("ts"), { method: "iqr", k: 3 }).users).toEqual(["bot1", "bot2"]); // "events" needs no ts
  });
});
