import { describe, expect, it } from "vitest";
import { addRecency } from "../../src/features/add-recency";
import { DataError } from "../../src/util/data-error";
import { frameOf, type Row } from "../clean/fixtures";

const T = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

const rows: Row[] = [
  { user: "a", item: "x", ts: T },
  { user: "b", item: "x", ts: T + 3 * DAY },
  { user: "a", item: "y", ts: T + 2 * DAY },
  { user: "b", item: "z", ts: T + 12 * 3_600_000 },
];

describe("addRecency", () => {
  it("gives days from each user's last event to the reference", () => {
    const out = addRecency(frameOf(rows), { reference: new Date(T + 10 * DAY) });
    // a last at T+2d -> 8 days; b last at T+3d -> 7 days
    expect(out.getColumn("recency_days").toArray()).toEqual([8, 7, 8, 7]);
  });

  it("gives days from each event to the reference with per: 'event'", () => {
    const out = addRecency(frameOf(rows), { reference: new Date(T + 10 * DAY), per: "event", output: "age_days" });
    expect(out.getColumn("age_days").toArray()).toEqual([10, 7, 8, 9.5]);
  });

  it("defaults the reference to the latest event of the frame", () => {
    expect(addRecency(frameOf(rows)).getColumn("recency_days").toArray()).toEqual([1, 0, 1, 0]);
  });

  it("refuses events after the reference (future leakage), naming the user", () => {
    expect(() => addRecency(frameOf(rows), { reference: new Date(T + DAY) })).toThrow(DataError);
    expect(() => addRecency(frameOf(rows), { reference: new Date(T + DAY) })).toThrow(/user 'b'/);
  });
});
