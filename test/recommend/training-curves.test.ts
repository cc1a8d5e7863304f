import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTrainingCurves } from "../../src/recommend/training-curves";
import { DataError } from "../../src/util/data-error";

const dir = mkdtempSync(join(tmpdir(), "curves-"));
function file(name: string, body: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof body === "string" ? body : JSON.stringify(body));
  return p;
}

describe("readTrainingCurves", () => {
  const a = file("a.json", { curve: [{ epoch: 1, loss: 0.5 }, { epoch: 2, loss: 0.4, "recall@20": 0.1, "ndcg@20": 0.08 }, { epoch: 4, "recall@20": 0.12, "ndcg@20": 0.1 }] });
  const b = file("b.json", { curve: [{ epoch: 10, "recall@20": 0.15, "ndcg@20": 0.13 }] });

  it("keeps only evaluated epochs, in file then curve order, one column per metric", () => {
    const { frame, missing } = readTrainingCurves([{ run: "A", path: a }, { run: "B", path: b }]);
    expect(missing).toEqual([]);
    expect(frame.columns).toEqual(["run", "epoch", "recall@20", "ndcg@20"]);
    expect(frame.toRecords()).toEqual([
      { run: "A", epoch: 2, "recall@20": 0.1, "ndcg@20": 0.08 },
      { run: "A", epoch: 4, "recall@20": 0.12, "ndcg@20": 0.1 },
      { run: "B", epoch: 10, "recall@20": 0.15, "ndcg@20": 0.13 },
    ]);
  });

  it("skips a missing file and names it", () => {
    const { frame, missing } = readTrainingCurves([{ run: "A", path: a }, { run: "gone", path: join(dir, "nope.json") }], ["recall@20"]);
    expect(missing).toEqual([join(dir, "nope.json")]);
    expect(frame.height).toBe(2);
    expect(frame.columns).toEqual(["run", "epoch", "recall@20"]);
  });

  it("names the file and the row of bad input", () => {
    expect(() => readTrainingCurves([{ run: "x", path: file("bad.json", "{not json") }])).toThrow(DataError);
    expect(() => readTrainingCurves([{ run: "x", path: file("nocurve.json", { last: 1 }) }])).toThrow(/nocurve\.json: no "curve" array/);
    const nan = file("nan.json", { curve: [{ epoch: 1, "recall@20": 0.1, "ndcg@20": 0.1 }, { epoch: 2, "recall@20": "high", "ndcg@20": 0.1 }] });
    expect(() => readTrainingCurves([{ run: "x", path: nan }])).toThrow(/nan\.json: curve\[1\]\.recall@20 is "high"/);
  });
});
