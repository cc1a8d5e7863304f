import { describe, expect, it } from "vitest";
import { prepareEvents } from "../../src/pipeline/prepare-events";
import { cleanPipeline } from "../../src/clean/clean-pipeline";
import { defaultCleaning } from "../../src/clean/default-cleaning";
import { loadDataset } from "../../src/io/datasets";
import { datasetWindow } from "../../src/io/dataset-window";
import { sampleUsers } from "../../src/io/sample-users";

const P = { dataset: "sample", dataDir: "/nonexistent", seed: 42, sampleUsers: 0 };

describe("prepareEvents", () => {
  it("equals loading, sampling and the default cleaning done step by step", () => {
    const prepared = prepareEvents({ ...P, sampleUsers: 50 });
    const raw = sampleUsers(loadDataset("sample").frame, 50, { seed: 42 });
    const manual = cleanPipeline(raw, defaultCleaning({ window: datasetWindow("sample"), localTime: { from: "offset" } }));
    expect(prepared.raw.height).toBe(raw.height);
    expect(prepared.events.frameEqual(manual.frame, true)).toBe(true);
    expect(prepared.cleaningReport).toEqual(manual.report);
    expect(prepared.events.columns).toContain("ts_local");
  });

  it("passes cleaning overrides through", () => {
    const prepared = prepareEvents(P, { removeHyperactive: false, kUser: 1, kItem: 1 });
    expect(prepared.cleaningReport.some((s) => s.step === "removeHyperactiveUsers")).toBe(false);
  });
});
