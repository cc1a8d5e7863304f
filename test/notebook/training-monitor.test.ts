import { describe, expect, it, vi } from "vitest";
import { trainingMonitor } from "../../src/notebook/training-monitor";

describe("trainingMonitor", () => {
  it("prints one line per epoch with every metric and keeps the history", () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((s: string) => { lines.push(s); });
    const m = trainingMonitor({ title: "t" });
    m.onEpoch({ epoch: 1, loss: 0.5, valLoss: 0.75 });
    m.onEpoch({ epoch: 2, loss: 0.25, "recall@20": 0.125 });
    log.mockRestore();
    const epochLines = lines.filter((l) => l.startsWith("epoch"));
    expect(epochLines).toEqual(["epoch 1  loss 0.5000  valLoss 0.7500", "epoch 2  loss 0.2500  recall@20 0.1250"]);
    expect(m.history).toEqual([{ epoch: 1, loss: 0.5, valLoss: 0.75 }, { epoch: 2, loss: 0.25, "recall@20": 0.125 }]);
  });
});
