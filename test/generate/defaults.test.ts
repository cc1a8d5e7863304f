import { describe, expect, it } from "vitest";
import { GENERATE_DEFAULTS, resolveGenerateOptions } from "../../src/generate/defaults";
import { generateEvents } from "../../src/generate/generate-events";

describe("resolveGenerateOptions", () => {
  it("fills in the defaults and keeps given options", () => {
    expect(resolveGenerateOptions()).toEqual(GENERATE_DEFAULTS);
    expect(resolveGenerateOptions({ users: 50, start: "2023-12-31" })).toEqual({ ...GENERATE_DEFAULTS, users: 50, start: "2023-12-31" });
    expect(GENERATE_DEFAULTS.seed).toBe(42);
  });

  it.each([
    [{ users: 5 }, /users must be an integer in \[20, 100000\], got 5/],
    [{ users: 20.5 }, /users/],
    [{ days: 3 }, /days must be an integer in \[28, 3660\], got 3/],
    [{ pois: 50 }, /pois/],
    [{ eventsPerUserDay: 0 }, /eventsPerUserDay must be a number in \(0, 50\]/],
    [{ start: "2024-02-30" }, /start must be a calendar date 'YYYY-MM-DD', got '2024-02-30'/],
    [{ start: "1 March 2024" }, /start/],
    [{ seed: Number.NaN }, /seed/],
    [{ dirty: "yes" as unknown as boolean }, /dirty must be a boolean/],
  ])("rejects %o naming the parameter", (options, message) => {
    expect(() => resolveGenerateOptions(options)).toThrow(message);
    expect(() => generateEvents(options)).toThrow(message);
  });
});
