import { describe, expect, it } from "vitest";
import { describeProtocol, splitByProtocol, validateProtocol, type EvalProtocol } from "../../src/evaluate/protocol";
import { eventsFrame, randomEvents } from "../contracts/fixtures";

const base: EvalProtocol = { split: "random-ratio", testRatio: 0.2, candidates: "all", k: [10, 20], excludeTrainItems: true, metrics: ["recall", "ndcg"] };

describe("protocol", () => {
  it("describes itself in one line", () => {
    expect(describeProtocol(base)).toBe(
      "split: random 20 % of each user's events (seed 42) · candidates: all items (full ranking) · train items excluded · recall, ndcg @10, 20 · mean over test users",
    );
    expect(describeProtocol({ ...base, split: "leave-one-out", candidates: { sampled: 100, seed: 7 }, k: [10], metrics: ["hr"] })).toBe(
      "split: leave each user's last event out · candidates: held-out items + 100 sampled negatives per user (seed 7) · train items excluded · hr @10 · mean over test users",
    );
    expect(describeProtocol({ ...base, split: "given", splitNote: "LightGCN files", k: [20] })).toMatch(/^split: given train\/test files \(LightGCN files\) · /);
    expect(describeProtocol({ ...base, split: "global-time", cut: new Date("2012-10-01T00:00:00Z"), excludeTrainItems: false })).toMatch(
      /^split: global time cut at 2012-10-01T00:00:00.000Z · .* · train items kept · /,
    );
  });

  it("names the bad field", () => {
    expect(() => validateProtocol({ ...base, split: "chrono" as never })).toThrow(/split/);
    expect(() => validateProtocol({ ...base, k: [] })).toThrow(/k/);
    expect(() => validateProtocol({ ...base, k: [5, 0] })).toThrow(/k/);
    expect(() => validateProtocol({ ...base, metrics: ["auc" as never] })).toThrow(/unknown metric "auc"/);
    expect(() => validateProtocol({ ...base, candidates: { sampled: 0, seed: 1 } })).toThrow(/candidates/);
    expect(() => validateProtocol({ ...base, testRatio: 1 })).toThrow(/testRatio/);
  });

  it("splits with the splitter the protocol names", () => {
    const events = eventsFrame(randomEvents(300, 3));
    const random = splitByProtocol(events, base);
    expect(random.report.method).toBe("randomRatioSplit");
    expect(splitByProtocol(events, { ...base, split: "leave-one-out" }).report.method).toBe("leaveLastOut");
    const global = splitByProtocol(events, { ...base, split: "global-time", cut: 0.75 });
    expect([global.report.method, global.report.promise]).toEqual(["globalTimeSplit", "global"]);
    expect(() => splitByProtocol(events, { ...base, split: "given" })).toThrow(/already split/);
    // same seed, same split
    expect(splitByProtocol(events, base).test.toRecords()).toEqual(random.test.toRecords());
  });
});
