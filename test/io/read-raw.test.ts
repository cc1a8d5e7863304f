import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { LINE, readRaw, requireColumns } from "../../src/io/read-raw";
import { DataError } from "../../src/util/data-error";
import { fixture } from "./fixture-path";

const tmp = mkdtempSync(join(tmpdir(), "read-raw-"));
const write = (name: string, data: string | Buffer) => {
  const f = join(tmp, name);
  writeFileSync(f, data);
  return f;
};

describe("readRaw", () => {
  it("reads every column as String with 1-based line numbers, blank lines kept as null rows", () => {
    const f = write("blank.tsv", "a\t1\n\nb\t2\n");
    const df = readRaw(f, { sep: "\t", names: ["x", "y"] });
    expect(df.columns).toEqual([LINE, "x", "y"]);
    expect(df.toRecords()).toEqual([
      { [LINE]: 1, x: "a", y: "1" },
      { [LINE]: 2, x: null, y: null },
      { [LINE]: 3, x: "b", y: "2" },
    ]);
    expect(df.getColumn("y").dtype.toString()).toContain("String");
  });
  it("counts the header in line numbers and honours quotes only when asked", () => {
    const f = write("q.csv", 'id,title\n1,"A, B"\n');
    expect(readRaw(f, { sep: ",", hasHeader: true, quote: true }).toRecords()).toEqual([{ [LINE]: 2, id: "1", title: "A, B" }]);
    const g = write("q.tsv", '1\t"quoted\tx"\n');
    expect(readRaw(g, { sep: "\t", names: ["a", "b"] }).row(0)).toEqual([1, "1", '"quoted']);
  });
  it("takes the column count from the first lines, so a short first line is a row with nulls, not an error", () => {
    const f = write("short-first.tsv", "a\tb\n1\t2\t3\t4\n");
    expect(readRaw(f, { sep: "\t", names: ["x", "y", "z"] }).toRecords()).toEqual([
      { [LINE]: 1, x: "a", y: "b", z: null },
      { [LINE]: 2, x: "1", y: "2", z: "3" },
    ]);
  });
  it("falls back to latin-1 when the file is not UTF-8", () => {
    const f = write("latin.txt", Buffer.from([0x31, 0x7c, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
    expect(readRaw(f, { sep: "|", names: ["id", "name"] }).getColumn("name").toArray()).toEqual(["Café"]);
  });
  it("fails on a missing file, naming it", () => {
    const f = fixture("does-not-exist.txt");
    expect(() => readRaw(f, { sep: "\t" })).toThrow(DataError);
    expect(() => readRaw(f, { sep: "\t" })).toThrow(`${f}: file not found`);
  });
  it("fails on an empty file and on a header without rows", () => {
    expect(() => readRaw(fixture("empty.txt"), { sep: "\t" })).toThrow(/empty/);
    expect(() => readRaw(fixture("header-only.csv"), { sep: ",", hasHeader: true })).toThrow(/empty \(no data rows after the header\)/);
  });
  it("fails on the wrong separator, naming the file, the expected columns and the separator", () => {
    const f = fixture("snap", "checkins-comma.csv");
    let err: unknown;
    try {
      readRaw(f, { sep: "\t", names: ["user", "ts", "lat", "lon", "item"] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    const msg = (err as DataError).message;
    expect((err as DataError).file).toBe(f);
    expect(msg).toContain("expected 5 columns (user, ts, lat, lon, item)");
    expect(msg).toContain('tab ("\\t")');
    expect(msg).toContain("found 1 column");
  });
});

describe("requireColumns", () => {
  it("names the missing column and lists the available ones", () => {
    const f = write("h.csv", "uid,poi\n1,2\n");
    const raw = readRaw(f, { sep: ",", hasHeader: true });
    expect(() => requireColumns(raw, ["uid", "time"], { file: f, sep: "," })).toThrow(`${f}, column 'time': not found; available columns: uid, poi`);
    expect(() => requireColumns(raw, ["uid", "poi"], { file: f, sep: "," })).not.toThrow();
  });
  it("hints at the separator when the header is one column", () => {
    const f = write("semi.csv", "uid;poi\n1;2\n");
    const raw = readRaw(f, { sep: ",", hasHeader: true });
    expect(() => requireColumns(raw, ["uid"], { file: f, sep: "," })).toThrow(/one column with comma \(","\) as separator/);
  });
});
