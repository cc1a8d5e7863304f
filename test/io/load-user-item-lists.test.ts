import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { loadUserItemLists } from "../../src/io/load-user-item-lists";

const write = (text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), "uil-")), "lists.txt");
  writeFileSync(file, text);
  return file;
};

describe("loadUserItemLists", () => {
  it("reads `user item item …` lines into (user, item) rows in file order, ids as text", () => {
    const { frame, report } = loadUserItemLists(write("0 10 11 12\n1 10\r\n\n2\n3 7 7\n"));
    expect(frame.columns).toEqual(["user", "item"]);
    expect(frame.dtypes.map(String)).toEqual(["DataType(String)", "DataType(String)"]);
    expect(frame.toRecords()).toEqual([
      { user: "0", item: "10" },
      { user: "0", item: "11" },
      { user: "0", item: "12" },
      { user: "1", item: "10" },
      { user: "3", item: "7" },
      { user: "3", item: "7" },
    ]);
    expect([report.rowsRead, report.rowsKept, report.dropped]).toEqual([6, 6, []]);
    expect(report.notes).toEqual([
      "no timestamps in this format: the frame has columns user and item only (no ts)",
      "4 user lines",
      "1 line(s) name a user with no item (no row)",
      "1 duplicate (user, item) pair(s) kept",
    ]);
  });

  it("keeps non-integer and zero-padded ids verbatim (text path), tabs allowed, no final newline", () => {
    const { frame } = loadUserItemLists(write("u1\tx 007\nu2 0 y"));
    expect(frame.toRecords()).toEqual([
      { user: "u1", item: "x" },
      { user: "u1", item: "007" },
      { user: "u2", item: "0" },
      { user: "u2", item: "y" },
    ]);
  });

  it("fails loudly on a missing or empty file", () => {
    expect(() => loadUserItemLists("/nonexistent/lists.txt")).toThrow(/not found/);
    expect(() => loadUserItemLists(write(""))).toThrow(/empty/);
  });
});
