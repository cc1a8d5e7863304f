import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { readBasketCsv } from "../../src/patterns/read-basket-csv";
import { readFimi } from "../../src/patterns/read-fimi";
import type { Transactions } from "../../src/patterns/transactions";
import { DataError } from "../../src/util/data-error";

const dir = mkdtempSync(join(tmpdir(), "patterns-readers-"));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

/** Baskets back as sorted label lists, one entry per basket (weights expanded), empties included. */
function baskets(tx: Transactions): string[][] {
  const out: string[][] = [];
  for (let t = 0; t < tx.weights.length; t++) {
    const labels = Array.from(tx.data.subarray(tx.offsets[t], tx.offsets[t + 1]), (c) => tx.items[c]).sort();
    for (let w = 0; w < tx.weights[t]; w++) out.push(labels);
  }
  for (let e = 0; e < tx.nEmpty; e++) out.push([]);
  return out.sort((a, b) => (a.join() < b.join() ? -1 : a.join() > b.join() ? 1 : 0));
}

describe("readFimi", () => {
  it("parses the FIMI layout: trailing spaces, CRLF, tabs, blank lines as empty transactions", () => {
    const tx = readFimi(write("a.dat", "1 2 3 \r\n2 3\n\n10\t2 \n3 1 2"));
    expect(tx.nTransactions).toBe(5);
    expect(tx.nEmpty).toBe(1);
    expect(baskets(tx)).toEqual([[], ["1", "2", "3"], ["1", "2", "3"], ["10", "2"], ["2", "3"]]);
    expect(tx.items.slice(0, 2)).toEqual(["2", "3"]); // 2 in 4 baskets, 3 in 3
  });

  it("does not add a transaction for the final newline", () => {
    expect(readFimi(write("b.dat", "5 6\n7\n")).nTransactions).toBe(2);
  });

  it("fails with a DataError naming file and line on anything but integers", () => {
    const file = write("bad.dat", "1 2\n3 x 4\n");
    expect(() => readFimi(file)).toThrow(DataError);
    expect(() => readFimi(file)).toThrow(/bad\.dat:2: unexpected character "x"/);
    expect(() => readFimi(join(dir, "missing.dat"))).toThrow(/file not found/);
    expect(() => readFimi(write("empty.dat", ""))).toThrow(/empty/);
  });
});

describe("readBasketCsv", () => {
  it("keeps labels verbatim (trailing spaces too) and drops empty fields, counted", () => {
    const tx = readBasketCsv(write("g.csv", "cream cheese ,whole milk\r\nwhole milk,cream cheese\n\nrolls,,whole milk,\n"));
    expect(tx.nTransactions).toBe(4);
    expect(tx.nEmpty).toBe(1);
    expect(tx.dropped.emptyLabels).toBe(2);
    expect(new Set(tx.items)).toEqual(new Set(["cream cheese ", "cream cheese", "whole milk", "rolls"]));
    // (the sort puts "cream cheese ," before "cream cheese,": space sorts before comma)
    expect(baskets(tx)).toEqual([[], ["cream cheese ", "whole milk"], ["cream cheese", "whole milk"], ["rolls", "whole milk"]]);
  });

  it("supports another separator and a header", () => {
    const tx = readBasketCsv(write("s.txt", "items\na;b\nb\n"), { sep: ";", hasHeader: true });
    expect(baskets(tx)).toEqual([["a", "b"], ["b"]]);
    expect(() => readBasketCsv(write("t.txt", "a\n"), { sep: "" })).toThrow(/sep must be a non-empty string/);
  });
});
