import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/evaluate";
import type { EvalProtocol } from "../../src/evaluate/protocol";
import { sampleCandidates } from "../../src/evaluate/sample-candidates";
import { itemKnn } from "../../src/recommend/item-knn";
import { leaveLastOut } from "../../src/split/leave-last-out";
import { eventsFrame, randomEvents } from "../contracts/fixtures";

describe("sampled-candidate protocol, end to end", () => {
  it("ranks each test item among n sampled negatives: HR is higher than under full ranking and equals a count of wins", () => {
    const events = eventsFrame(randomEvents(1500, 21, { users: 60, items: 80 }));
    const { train, test } = leaveLastOut(events);
    const users = [...new Set(test.getColumn("user").toArray() as string[])];
    const fitted = itemKnn.fit(train);
    const full: EvalProtocol = { split: "leave-one-out", candidates: "all", k: [5], excludeTrainItems: true, metrics: ["hr"] };
    const sampled: EvalProtocol = { ...full, candidates: { sampled: 10, seed: 3 } };
    const candidates = sampleCandidates(test, train, { n: 10, seed: 3 });
    const recs = itemKnn.recommend(fitted, users, { k: 5, candidates });
    const hrSampled = evaluate(test, recs, sampled, { train, candidates })["hr@5"];
    const hrFull = evaluate(test, itemKnn.recommend(fitted, users, { k: 5 }), full, { train })["hr@5"];
    expect(hrSampled).toBeGreaterThan(hrFull);
    // oracle: the share of test users whose held-out item is in their top 5 of 11 candidates
    const top = new Set((recs.toRecords() as { user: string; item: string }[]).map((r) => `${r.user}|${r.item}`));
    const trainPairs = new Set((train.toRecords() as { user: string; item: string }[]).map((r) => `${r.user}|${r.item}`));
    const heldOut = (test.toRecords() as { user: string; item: string }[]).filter((r) => !trainPairs.has(`${r.user}|${r.item}`));
    const byUser = new Map<string, boolean>();
    for (const r of heldOut) byUser.set(r.user, (byUser.get(r.user) ?? false) || top.has(`${r.user}|${r.item}`));
    expect(hrSampled).toBeCloseTo([...byUser.values()].filter(Boolean).length / byUser.size, 12);
    // a model that ignores the candidates is caught
    expect(() => evaluate(test, itemKnn.recommend(fitted, users, { k: 5 }), sampled, { train, candidates })).toThrow(/not candidates/);
  });
});
