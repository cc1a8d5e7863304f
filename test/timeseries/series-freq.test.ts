import { describe, expect, it } from "vitest";
import { checkFreq, floorToFreq, FREQ_MS, freqOfStep, toEpochMs } from "../../src/timeseries/series-freq";

describe("series-freq", () => {
  it("checks frequency names", () => {
    for (const f of ["minute", "hour", "day", "week"]) expect(checkFreq(f)).toBe(f);
    expect(() => checkFreq("month")).toThrow('freq must be one of minute, hour, day, week; got "month"');
    expect(() => checkFreq("toString")).toThrow(/freq must be one of/);
  });

  it("maps steps back to frequencies and floors instants", () => {
    for (const [f, ms] of Object.entries(FREQ_MS)) expect(freqOfStep(ms)).toBe(f);
    expect(freqOfStep(7_200_000)).toBeNull();
    expect(floorToFreq(Date.UTC(2024, 2, 6, 15, 30, 59, 999), "minute")).toBe(Date.UTC(2024, 2, 6, 15, 30));
    expect(floorToFreq(Date.UTC(2024, 2, 6, 15, 30), "hour")).toBe(Date.UTC(2024, 2, 6, 15));
  });

  it("reads strings without a zone as UTC, never as the machine's zone", () => {
    expect(toEpochMs("2024-03-01", "start")).toBe(Date.UTC(2024, 2, 1));
    expect(toEpochMs("2024-03-01T08:30", "start")).toBe(Date.UTC(2024, 2, 1, 8, 30));
    expect(toEpochMs("2024-03-01T08:30:00+08:00", "start")).toBe(Date.UTC(2024, 2, 1, 0, 30));
    expect(toEpochMs(new Date(5), "end")).toBe(5);
    expect(() => toEpochMs("soon", "end")).toThrow("end must be a Date, an ISO-8601 string or epoch milliseconds; got soon");
  });
});
