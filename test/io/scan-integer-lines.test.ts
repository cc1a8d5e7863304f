import { describe, expect, it } from "vitest";
import { scanIntegerLines, userItemPairs, type IntegerLines } from "../../src/io/scan-integer-lines";
import { createRng } from "../../src/util/rng";

const scan = (text: string) => scanIntegerLines(Buffer.from(text, "latin1"));
const ok = (text: string): IntegerLines => {
  const s = scan(text);
  if (!s.ok) throw new Error(`unexpected failure ${JSON.stringify(s)}`);
  return s;
};
const lines = (s: IntegerLines): number[][] => Array.from({ length: s.offsets.length - 1 }, (_, l) => Array.from(s.ids.subarray(s.offsets[l], s.offsets[l + 1])));

describe("scanIntegerLines", () => {
  it("reads lines of blank-separated integers: blank lines are empty, a final newline adds no line", () => {
    expect(lines(ok("3 1 2\n\n4\n"))).toEqual([[3, 1, 2], [], [4]]);
    expect(lines(ok(" 3\t1  2 \r\n7"))).toEqual([[3, 1, 2], [7]]);
    expect(lines(ok(""))).toEqual([]);
    expect(lines(ok("\n"))).toEqual([[]]);
    expect(lines(ok("2147483647\n"))).toEqual([[2147483647]]);
  });

  it("flags leading zeros but reads their value", () => {
    expect(ok("0 10 1\n").leadingZeros).toBe(false);
    const z = ok("0 007\n");
    expect([z.leadingZeros, lines(z)]).toEqual([true, [[0, 7]]]);
  });

  it("stops at the first bad byte or too-large integer, naming byte, token start and line", () => {
    expect(scan("0 1\n1 2x 3\n")).toEqual({ ok: false, reason: "character", pos: 7, tokenStart: 6, line: 2 });
    expect(scan("0 1\n1 x2\n")).toEqual({ ok: false, reason: "character", pos: 6, tokenStart: 6, line: 2 });
    expect(scan("-1\n")).toEqual({ ok: false, reason: "character", pos: 0, tokenStart: 0, line: 1 });
    expect(scan("\n\n5 2147483648\n")).toEqual({ ok: false, reason: "overflow", pos: 13, tokenStart: 4, line: 3 });
  });

  it("matches a split-based oracle on random files", () => {
    const rng = createRng(11);
    const blanks = [" ", "  ", "\t", " \r"];
    for (let trial = 0; trial < 100; trial++) {
      const expected: number[][] = Array.from({ length: rng.int(12) }, () => Array.from({ length: rng.int(6) }, () => rng.int(100000)));
      const text = expected.map((l) => blanks[rng.int(4)].repeat(rng.int(2)) + l.join(blanks[rng.int(4)]) + (rng.int(2) ? "\r" : "")).join("\n") + (rng.int(2) ? "\n" : "");
      // oracle: the file's lines (a final "\n" ends the last line), each split on blanks
      const oracle = text === "" ? [] : text.replace(/\n$/, "").split("\n").map((l) => l.split(/[ \t\r]+/).filter((t) => t !== "").map(Number));
      expect(lines(ok(text))).toEqual(oracle);
    }
  });
});

describe("userItemPairs", () => {
  it("pairs each line's first integer (the user) with the others, skipping blank lines", () => {
    const p = userItemPairs(ok("0 2 1\n\n5\n3 3 3\n"));
    expect([Array.from(p.users), Array.from(p.items)]).toEqual([[0, 0, 3, 3], [2, 1, 3, 3]]);
    expect([p.lines, p.userOnly, p.nUsers]).toEqual([3, 1, 6]); // user 5 has no item but counts in nUsers
    expect(userItemPairs(ok(""))).toEqual({ users: new Int32Array(0), items: new Int32Array(0), lines: 0, userOnly: 0, nUsers: 0 });
  });
});
