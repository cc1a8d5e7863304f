import { describe, expect, it } from "vitest";
import { CONTEXT_PREFIXES, isContextToken, ST_PREFIX, stListSeries, tokenKind } from "../../src/patterns/st-tokens";

describe("st tokens", () => {
  it("tells context tokens from behaviour tokens by prefix", () => {
    for (const t of ["time:evening", "day:weekend", "hour:18", "cell:wtw3v", "region:Old Town", "cluster:3", "event:buy"]) {
      expect([t, isContextToken(t), tokenKind(t)]).toEqual([t, true, "context"]);
    }
    expect(tokenKind("cat:Bar")).toBe("category");
    expect(tokenKind("user:u1")).toBe("user");
    expect(tokenKind("p0008")).toBe("item");
    // a prefix must open the token: an item id that merely contains one is an item
    expect(tokenKind("p:time:1")).toBe("item");
    expect(isContextToken("Time:evening")).toBe(false);
  });

  it("lists every context prefix of ST_PREFIX but category and user", () => {
    const all = Object.values(ST_PREFIX);
    expect([...CONTEXT_PREFIXES].sort()).toEqual(all.filter((p) => p !== "cat:" && p !== "user:").sort());
  });

  it("builds List(String) series also when every list is empty or there is none", () => {
    expect(String(stListSeries("x", [[], []]).dtype)).toBe(String(stListSeries("x", [["a"]]).dtype));
    expect(stListSeries("x", []).length).toBe(0);
    expect(String(stListSeries("x", []).dtype)).toBe(String(stListSeries("x", [["a"]]).dtype));
  });
});
