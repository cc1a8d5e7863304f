import { describe, expect, it } from "vitest";
import { popularity } from "../../src/recommend/popularity";
import { recommenderContract } from "../contracts/recommender.contract";
import { eventsFrame, recRows, type Ev } from "../contracts/fixtures";

recommenderContract(() => popularity, { supportsUniverse: true });
recommenderContract(() => popularity, { fitOptions: { windowDays: 20 }, supportsUniverse: true, popularityFallback: false });

const DAY = 86_400_000;
const T = Date.UTC(2024, 2, 1);

describe("popularity", () => {
  // i1: 3 distinct users long ago; i2: 2 users in the last 5 days; i3: 1 user, twice, last day
  const events: Ev[] = [
    { user: "a", item: "i1", ts: T },
    { user: "b", item: "i1", ts: T + DAY },
    { user: "c", item: "i1", ts: T + 2 * DAY },
    { user: "c", item: "i1", ts: T + 3 * DAY }, // duplicate pair: counted once
    { user: "a", item: "i2", ts: T + 26 * DAY },
    { user: "b", item: "i2", ts: T + 27 * DAY },
    { user: "d", item: "i3", ts: T + 30 * DAY },
    { user: "d", item: "i3", ts: T + 30 * DAY + 1000 },
  ];
  const train = eventsFrame(events);

  it("ranks by distinct users, duplicates merged: i1 (3), i2 (2), i3 (1)", () => {
    const rows = recRows(popularity.recommend(popularity.fit(train), ["new"], { k: 3 }));
    expect(rows.map((r) => [r.item, r.score])).toEqual([["i1", 3], ["i2", 2], ["i3", 1]]);
  });

  it("counts only the last windowDays with windowDays: the last 5 days hold i2 (2 users) and i3 (1), i1 has 0", () => {
    const fitted = popularity.fit(train, { windowDays: 5 });
    // window = (max − 5 days, max] = (T + 25 days + 1 s, …]
    expect(fitted.meta.windowStart).toBe(new Date(T + 25 * DAY + 1000).toISOString());
    const rows = recRows(popularity.recommend(fitted, ["new", "a"], { k: 3 }));
    expect(rows.filter((r) => r.user === "new").map((r) => [r.item, r.score])).toEqual([["i2", 2], ["i3", 1], ["i1", 0]]);
    expect(rows.filter((r) => r.user === "a").map((r) => r.item)).toEqual(["i3"]);
  });

  it("breaks ties by item id order", () => {
    const tie = eventsFrame([{ user: "x", item: "b" }, { user: "y", item: "a" }, { user: "z", item: "c" }]);
    expect(recRows(popularity.recommend(popularity.fit(tie), ["new"], { k: 3 })).map((r) => r.item)).toEqual(["a", "b", "c"]);
  });

  it("rejects a bad window and a window without timestamps", () => {
    expect(() => popularity.fit(train, { windowDays: 0 })).toThrow(/windowDays/);
    expect(() => popularity.fit(train.drop("ts"), { windowDays: 3 })).toThrow(/ts/);
    expect(() => popularity.fit(train.head(0))).toThrow(/empty/);
  });
});
