import { describe, expect, it } from "vitest";
import { popularity } from "../../src/recommend/popularity";
import { withOptions } from "../../src/recommend/with-options";
import { eventsFrame, recRows } from "../contracts/fixtures";
import { recommenderContract } from "../contracts/recommender.contract";

// a wrapped recommender is still a Recommender
recommenderContract(() => withOptions(popularity, { windowDays: 30 }, "Popularity-30d"), { supportsUniverse: true, popularityFallback: false });

const DAY = 86_400_000;
const T = Date.UTC(2024, 2, 1);

describe("withOptions", () => {
  it("fixes fit options under a new name; later options override", () => {
    const recent = withOptions(popularity, { windowDays: 5 }, "Popularity-5d");
    expect(recent.name).toBe("Popularity-5d");
    const train = eventsFrame([
      { user: "a", item: "old", ts: T },
      { user: "b", item: "old", ts: T + 1000 },
      { user: "c", item: "new", ts: T + 30 * DAY },
    ]);
    expect(recRows(recent.recommend(recent.fit(train), ["z"], { k: 1 }))[0].item).toBe("new");
    expect(recRows(recent.recommend(recent.fit(train, { windowDays: 365 }), ["z"], { k: 1 }))[0].item).toBe("old");
  });
});
