import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { datetimeSeries } from "../../src/clean/frame-access";
import { addSessions } from "../../src/features/add-sessions";
import { buildBaskets, type BasketBy } from "../../src/patterns/st-transactions";
import { createRng } from "../../src/util/rng";
import { DataError } from "../../src/util/data-error";

type Row = [user: string, item: string, category: string | null, utc: string];

/** A small event frame; local time is UTC + 8 h (as in the sample). */
function frame(rows: Row[], offsetMin = 480): pl.DataFrame {
  const ms = rows.map((r) => Date.parse(r[3]));
  return pl.DataFrame([
    pl.Series("user", rows.map((r) => r[0]), pl.Utf8),
    pl.Series("item", rows.map((r) => r[1]), pl.Utf8),
    pl.Series("category", rows.map((r) => r[2]), pl.Utf8),
    datetimeSeries("ts", ms),
    datetimeSeries("ts_local", ms.map((t) => t + offsetMin * 60_000)),
  ]);
}

const ROWS: Row[] = [
  ["u2", "p1", "Gym", "2024-03-03T01:00:00Z"], // local Sun 03-03 09:00
  ["u1", "p2", "Cafe", "2024-03-03T20:00:00Z"], // local Mon 03-04 04:00
  ["u1", "p1", "Gym", "2024-03-03T15:00:00Z"], // local Sun 03-03 23:00
  ["u1", "p3", "Cafe", "2024-03-03T20:10:00Z"], // local Mon 03-04 04:10 (same category as p2)
  ["u1", "p2", "Cafe", "2024-03-10T15:59:00Z"], // local Sun 03-10 23:59 (same ISO week as Mon 03-04)
  ["u2", "p1", null, "2024-03-03T01:30:00Z"], // local Sun 03-03 09:30, category missing
];

describe("buildBaskets", () => {
  it("groups a user's local day, deduplicates tokens and keeps time order (hand-checked)", () => {
    const r = buildBaskets(frame(ROWS), { by: "user-day", itemAs: "category" });
    // u1: Sun 03-03 {Gym}; Mon 03-04 {Cafe, Cafe → once}; Sun 03-10 {Cafe}; u2: Sun 03-03 {Gym, null}
    expect(r.baskets).toEqual([["cat:Gym"], ["cat:Cafe"], ["cat:Cafe"], ["cat:Gym"]]);
    expect(r.keys.getColumn("user").toArray()).toEqual(["u1", "u1", "u1", "u2"]);
    expect(r.keys.getColumn("n_events").toArray()).toEqual([1, 2, 1, 2]);
    expect((r.keys.getColumn("window_start").toArray() as unknown as Date[]).map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2024-03-03",
      "2024-03-04",
      "2024-03-10",
      "2024-03-03",
    ]);
    expect(r.counts).toEqual({ events: 6, baskets: 4, empty: 0, singleItem: 4, nullTokens: 1 });
    expect(r.keys.columns).toEqual(["basket_id", "user", "window_start", "n_events", "n_items", "items"]);
    expect(r.keys.getColumn("items").toArray()).toEqual(r.baskets);
  });

  it("weeks start on Monday in local time", () => {
    const r = buildBaskets(frame(ROWS), { by: "user-week", itemAs: "both" });
    // u1: week of Mon 02-26 holds local Sun 03-03 23:00; week of Mon 03-04 holds the other three
    expect(r.baskets).toEqual([["p1", "cat:Gym"], ["p2", "cat:Cafe", "p3"], ["p1", "cat:Gym"]]);
    expect((r.keys.getColumn("window_start").toArray() as unknown as Date[]).map((d) => d.toISOString())).toEqual([
      "2024-02-26T00:00:00.000Z",
      "2024-03-04T00:00:00.000Z",
      "2024-02-26T00:00:00.000Z",
    ]);
    // with UTC bins, 03-03T20:00Z is still Sunday: u1's week of 02-26 gets p2 and p3 too
    const utc = buildBaskets(frame(ROWS), { by: "user-week", cols: { local: "ts" } });
    expect(utc.baskets[0]).toEqual(["p1", "p2", "p3"]);
  });

  it("counts empty and one-token baskets, and null tokens", () => {
    const r = buildBaskets(frame(ROWS), { by: "event", itemAs: "category" });
    expect(r.baskets.length).toBe(6);
    expect(r.counts).toEqual({ events: 6, baskets: 6, empty: 1, singleItem: 5, nullTokens: 1 });
    expect(r.keys.columns).toEqual(["basket_id", "user", "ts", "n_events", "n_items", "items"]);
  });

  it("puts the users seen at one item in one co-visit bin", () => {
    const rows: Row[] = [
      ["a", "p1", "Bar", "2024-03-01T10:05:00Z"],
      ["b", "p1", "Bar", "2024-03-01T10:55:00Z"],
      ["a", "p1", "Bar", "2024-03-01T10:56:00Z"],
      ["c", "p1", "Bar", "2024-03-01T11:00:00Z"], // next hour bin
      ["c", "p2", "Gym", "2024-03-01T10:10:00Z"],
    ];
    const r = buildBaskets(frame(rows), { by: "co-visit", coVisitMinutes: 60 });
    expect(r.baskets).toEqual([["user:a", "user:b"], ["user:c"], ["user:c"]]);
    expect(r.keys.getColumn("item").toArray()).toEqual(["p1", "p1", "p2"]);
    expect(r.keys.getColumn("n_events").toArray()).toEqual([3, 1, 1]);
  });

  it("adds the tokens of a context column", () => {
    const df = frame(ROWS.slice(0, 2)).withColumns(pl.Series("context", [["time:morning", "day:weekend"], []], pl.List(pl.Utf8)));
    const r = buildBaskets(df, { by: "event", itemAs: "category", context: "context" });
    expect(r.baskets).toEqual([["cat:Cafe"], ["cat:Gym", "time:morning", "day:weekend"]]);
  });

  it("keeps a token once per basket even when two sources write the same label", () => {
    const df = frame(ROWS.slice(1, 2)).withColumns(pl.Series("context", [["p2", "time:night", "time:night"]], pl.List(pl.Utf8)));
    expect(buildBaskets(df, { by: "event", context: "context" }).baskets).toEqual([["p2", "time:night"]]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("equals a brute-force grouping on random events (seed %i)", (seed) => {
    const rng = createRng(seed);
    const rows: Row[] = [];
    const n = 1 + rng.int(80);
    const t0 = Date.parse("2024-03-01T00:00:00Z");
    for (let i = 0; i < n; i++) {
      const cat = rng.next() < 0.1 ? null : ["A", "B", "C", "D"][rng.int(4)];
      rows.push([`u${rng.int(5)}`, `p${rng.int(6)}`, cat, new Date(t0 + rng.int(20 * 24 * 60) * 60_000).toISOString()]);
    }
    const df = addSessions(frame(rows), { gapMinutes: 90 });
    const sessions = df.getColumn("session").toArray() as number[];
    const keyOf: Record<Exclude<BasketBy, "event">, (r: Row, i: number) => string> = {
      session: (r, i) => `${r[0]}|${String(sessions[i]).padStart(6, "0")}`,
      "user-day": (r) => `${r[0]}|${new Date(Date.parse(r[3]) + 480 * 60_000).toISOString().slice(0, 10)}`,
      "user-week": (r) => {
        const local = new Date(Date.parse(r[3]) + 480 * 60_000);
        const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - ((local.getUTCDay() + 6) % 7)));
        return `${r[0]}|${monday.toISOString()}`;
      },
      "co-visit": (r) => `${r[1]}|${String(Math.floor((Date.parse(r[3]) + 480 * 60_000) / (45 * 60_000))).padStart(12, "0")}`,
    };
    for (const by of Object.keys(keyOf) as Exclude<BasketBy, "event">[]) {
      // oracle: a Map from key to the rows (sorted by time, then input order), then tokens
      const groups = new Map<string, number[]>();
      rows.forEach((r, i) => groups.set(keyOf[by](r, i), [...(groups.get(keyOf[by](r, i)) ?? []), i]));
      const expected = [...groups.entries()]
        .sort((x, y) => (x[0] < y[0] ? -1 : 1))
        .map(([, idx]) => {
          idx.sort((a, b) => Date.parse(rows[a][3]) - Date.parse(rows[b][3]) || a - b);
          const tokens = idx.flatMap((i) => (by === "co-visit" ? [`user:${rows[i][0]}`] : [rows[i][1], ...(rows[i][2] === null ? [] : [`cat:${rows[i][2]}`])]));
          return [...new Set(tokens)];
        });
      const got = buildBaskets(df, { by, itemAs: "both", coVisitMinutes: 45 });
      expect(got.baskets).toEqual(expected);
      expect(got.counts.empty).toBe(0);
      expect(got.counts.singleItem).toBe(expected.filter((b) => b.length === 1).length);
      expect((got.keys.getColumn("n_events").toArray() as number[]).reduce((a, b) => a + b, 0)).toBe(n);
    }
  });

  it("fails loudly on bad input", () => {
    const df = frame(ROWS);
    expect(() => buildBaskets(df.head(0))).toThrow(DataError);
    expect(() => buildBaskets(df.head(0))).toThrow(/empty frame/);
    expect(() => buildBaskets(df, { by: "month" as BasketBy })).toThrow(/unknown by "month"; valid: event, session, user-day, user-week, co-visit/);
    expect(() => buildBaskets(df, { by: "event", itemAs: "poi" as "item" })).toThrow(/unknown itemAs "poi"/);
    expect(() => buildBaskets(df, { by: "co-visit", coVisitMinutes: 0 })).toThrow(/coVisitMinutes must be a finite number > 0, got 0/);
    expect(() => buildBaskets(df)).toThrow(/needs column 'session'/); // default by "session" without addSessions
    expect(() => buildBaskets(df.drop("ts_local"), { by: "user-day" })).toThrow(/'ts_local' is absent; add it with addLocalTime/);
    expect(() => buildBaskets(df, { by: "event", context: "context" })).toThrow(/context column 'context' is absent/);
    expect(() => buildBaskets(df.drop("category"), { by: "event", itemAs: "category" })).toThrow(/needs column 'category'/);
  });
});
