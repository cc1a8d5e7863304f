import { describe, it, expect } from "vitest";
import { parseIsoInstant } from "../../src/interop/iso-instant";
import { createRng } from "../../src/util/rng";

describe("parseIsoInstant", () => {
  it("inverts Date.prototype.toISOString on random instants, extended years included", () => {
    const rng = createRng(7);
    // ±270,000 years is (almost) the whole JS Date range of ±8.64e15 ms
    for (let i = 0; i < 2000; i++) {
      const ms = Math.round((rng.next() * 2 - 1) * 8.6e15);
      const iso = new Date(ms).toISOString();
      expect(parseIsoInstant(iso), iso).toBe(ms);
    }
    for (const ms of [0, -1, 1, -62135596800000 /* 0001-01-01 */, -62198755200000 /* year 0 */, 253402300799999]) {
      expect(parseIsoInstant(new Date(ms).toISOString())).toBe(ms);
    }
  });

  it("agrees with Date.parse on offset-bearing text (a different parser as oracle)", () => {
    const rng = createRng(11);
    for (let i = 0; i < 500; i++) {
      const ms = Math.round(rng.next() * 4e12); // 1970 … 2096
      const offMin = (rng.int(27 * 4) - 12 * 4) * 15; // -12:00 … +14:45 in 15-minute steps
      const local = new Date(ms + offMin * 60_000).toISOString().slice(0, 23);
      const sign = offMin < 0 ? "-" : "+";
      const a = Math.abs(offMin);
      const off = `${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
      const text = local + off;
      expect(parseIsoInstant(text), text).toBe(ms);
      expect(parseIsoInstant(text)).toBe(Date.parse(text));
    }
  });

  it("reads hand-computed forms", () => {
    expect(parseIsoInstant("1970-01-02")).toBe(86_400_000);
    expect(parseIsoInstant("1970-01-01T00:00:01Z")).toBe(1000);
    // offset-less date-time is UTC wall time (unlike Date.parse, which uses local time)
    expect(parseIsoInstant("1970-01-01T01:00")).toBe(3_600_000);
    expect(parseIsoInstant("1970-01-01 01:00:00.5")).toBe(3_600_500);
    expect(parseIsoInstant("1970-01-01T01:00:00+01")).toBe(0);
    expect(parseIsoInstant("1970-01-01T01:00:00+0100")).toBe(0);
    expect(parseIsoInstant("1969-12-31T19:00:00.000-05:00")).toBe(0);
    expect(parseIsoInstant("2000-02-29T00:00:00Z")).toBe(951_782_400_000);
    expect(parseIsoInstant("1970-01-01T00:00:00.123000000Z")).toBe(123);
    // years 0-99 are not remapped to 1900-1999 (a Date.UTC pitfall): 0001-01-01 is day -719162
    expect(parseIsoInstant("0001-01-01")).toBe(-719_162 * 86_400_000);
    expect(parseIsoInstant("0050-06-15T12:00Z")).toBe(Date.parse("0050-06-15T12:00:00Z"));
  });

  it("rejects malformed or out-of-range text instead of guessing", () => {
    for (const bad of [
      "",
      "yesterday",
      "2023-13-01",
      "2023-02-29", // not a leap year
      "1900-02-29", // century, not leap
      "2023-04-31",
      "2023-01-01T24:00:00Z",
      "2023-01-01T23:60:00Z",
      "2023-01-01T23:59:60Z",
      "2023-01-01T00:00:00.1234Z", // sub-millisecond digit would be dropped
      "2023-01-01T00:00:00+25:00",
      " 2023-01-01",
      "2023-1-01",
      "-000000-01-01",
      "1700000000123",
    ]) {
      expect(parseIsoInstant(bad), bad).toBeUndefined();
    }
    expect(parseIsoInstant("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoInstant("2000-02-29")).toBe(Date.UTC(2000, 1, 29));
  });
});
