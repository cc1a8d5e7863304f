import { describe, expect, it } from "vitest";
import { createRng } from "../../src/util/rng";
import { buildCalendar } from "../../src/generate/calendar";
import { finalizeUserEvents } from "../../src/generate/simulate";
import type { SimEvent } from "../../src/generate/sim-event";
import { generateEvents } from "../../src/generate/generate-events";
import * as O from "./oracle";

const cal = buildCalendar("2024-03-01", 28, createRng(1));
const ev = (t: number, p = 1): SimEvent => ({ u: 0, p, t, buy: false, src: 0, rule: -1 });

describe("finalizeUserEvents", () => {
  it("sorts, pushes events to ≥ 5 min apart and drops those outside the window (hand-checked)", () => {
    const s = cal.startUtcMs;
    const input = [ev(s + 600_000, 3), ev(s, 1), ev(s + 60_000, 2), ev(s - 1000, 4), ev(cal.endUtcMs - 1000, 5), ev(cal.endUtcMs, 6)];
    const copy = JSON.stringify(input);
    const out = finalizeUserEvents(input, cal);
    expect(out.map((e) => [e.p, e.t - s])).toEqual([
      [1, 0],
      [2, 300_000],
      [3, 600_000],
      [5, cal.endUtcMs - 1000 - s],
    ]);
    expect(JSON.stringify(input)).toBe(copy);
  });

  it("pushes cascades and can push an event out of the window", () => {
    const e = cal.endUtcMs - 120_000;
    expect(finalizeUserEvents([ev(e), ev(e + 1000), ev(e + 2000)], cal).map((x) => x.t)).toEqual([e]);
  });
});

describe("simulation output", () => {
  it("never has two valid events of a user within 5 minutes", () => {
    const { frame, truth } = generateEvents({ seed: 3, users: 60, days: 60 });
    const valid = O.validRows(O.frameRows(frame), truth);
    const last = new Map<string, number>();
    for (const r of [...valid].sort((a, b) => a.ts - b.ts)) {
      const prev = last.get(r.user);
      if (prev !== undefined) expect(r.ts - prev).toBeGreaterThanOrEqual(300_000);
      last.set(r.user, r.ts);
    }
    expect(valid.length).toBe(truth.counts.valid);
  });
});
