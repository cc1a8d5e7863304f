import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { csrToDense } from "../../src/graph/csr";
import { readUserItemLists } from "../../src/graph/read-user-item-lists";
import { DataError } from "../../src/util/data-error";

describe("readUserItemLists", () => {
  const dir = mkdtempSync(join(tmpdir(), "uil-"));
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it("reads 'user item item …' lines, including a user without items and repeated pairs", () => {
    const m = readUserItemLists(file("a.txt", "0 2 1\n1\n2 0 2 2\r\n"));
    expect([m.nRows, m.nCols]).toEqual([3, 3]);
    expect(Array.from(csrToDense(m))).toEqual([0, 1, 1, 0, 0, 0, 1, 0, 1]);
    const wide = readUserItemLists(file("b.txt", "1 0\n"), { nUsers: 4, nItems: 10 });
    expect([wide.nRows, wide.nCols, wide.indptr[2] - wide.indptr[1]]).toEqual([4, 10, 1]);
  });

  it("names the file and line of a bad token", () => {
    const p = file("c.txt", "0 1\n1 x2\n");
    expect(() => readUserItemLists(p)).toThrow(DataError);
    expect(() => readUserItemLists(p)).toThrow(/c\.txt:2.*'x2'/);
    expect(() => readUserItemLists(file("d.txt", "5 1\n"), { nUsers: 3 })).toThrow(/user id 5/);
    rmSync(dir, { recursive: true, force: true });
  });
});

const data = join(process.env.DATA_DIR ?? resolve(__dirname, "..", "..", "..", "shared", "data"), "gowalla_lightgcn");

describe.skipIf(!existsSync(join(data, "train.txt")))("Gowalla split of the LightGCN authors", () => {
  it("has the published sizes: 29,858 users, 40,981 items, 810,128 train / 217,242 test", () => {
    const train = readUserItemLists(join(data, "train.txt"));
    const test = readUserItemLists(join(data, "test.txt"), { nUsers: train.nRows, nItems: train.nCols });
    expect([train.nRows, train.nCols, train.indptr[train.nRows], test.indptr[test.nRows]]).toEqual([29858, 40981, 810128, 217242]);
  });
});
