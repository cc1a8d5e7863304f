import { createHash } from "crypto";
import { existsSync, readFileSync } from "fs";
import { resolve } from "path";
import { describe, expect, it } from "vitest";
import pl from "nodejs-polars";
import { GENERATE_DEFAULTS } from "../../src/generate/defaults";
import { formatEventsCsv } from "../../src/generate/events-csv";
import { generateEvents } from "../../src/generate/generate-events";
import { formatTruthJson } from "../../src/generate/truth-json";

const DIR = resolve(__dirname, "..", "..", "data", "sample");
const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");

describe("data/sample (committed synthetic dataset)", () => {
  it("is reproduced byte for byte by generateEvents() with the default options", () => {
    const { frame, truth } = generateEvents();
    const csv = readFileSync(resolve(DIR, "events.csv"));
    expect(sha256(formatEventsCsv(frame))).toBe(sha256(csv));
    expect(formatTruthJson(truth)).toBe(readFileSync(resolve(DIR, "ground-truth.json"), "utf8"));
    expect(truth.generator.options).toEqual(GENERATE_DEFAULTS);
  });

  it("stays small (< 6 MB) and its README quotes the file's sha256", () => {
    const csv = readFileSync(resolve(DIR, "events.csv"));
    expect(csv.length).toBeLessThan(6_000_000);
    expect(existsSync(resolve(DIR, "README.md"))).toBe(true);
    expect(readFileSync(resolve(DIR, "README.md"), "utf8")).toContain(sha256(csv));
  });

  it("reads back with Polars into the same values as the generated frame", () => {
    const { frame } = generateEvents();
    const back = pl.readCSV(resolve(DIR, "events.csv"), { inferSchemaLength: 0 });
    expect(back.height).toBe(frame.height);
    expect(back.columns).toEqual(frame.columns);
    const lat = back.getColumn("lat").toArray().map((x) => (x === null || x === "" ? null : Number(x)));
    expect(lat).toEqual(frame.getColumn("lat").toArray());
    const ts = back.getColumn("ts").toArray().map((x) => Date.parse(String(x)));
    expect(ts).toEqual(frame.getColumn("ts").toArray().map((d) => (d as unknown as Date).getTime()));
    const cat = back.getColumn("category").toArray().map((x) => (x === "" ? null : x));
    expect(cat).toEqual(frame.getColumn("category").toArray());
  });
});
