import { describe, expect, it } from "vitest";
import { checkColumnMapping, parseColumnMapping } from "../../src/io/parse-column-mapping";

describe("parseColumnMapping", () => {
  it("parses comma-separated canonical=source pairs, ignoring spaces", () => {
    expect(parseColumnMapping("user=uid,item=poi,ts=time")).toEqual({ user: "uid", item: "poi", ts: "time" });
    expect(parseColumnMapping(" user = uid , lat=latitude, tzOffsetMin=tz ,")).toEqual({ user: "uid", lat: "latitude", tz_offset_min: "tz" });
  });
  it("rejects malformed pairs, unknown keys and repeated keys", () => {
    expect(() => parseColumnMapping("user=uid,item")).toThrow("expected 'canonical=source' pairs separated by commas, got 'item'");
    expect(() => parseColumnMapping("user=")).toThrow(/got 'user='/);
    expect(() => parseColumnMapping("place=poi")).toThrow("unknown canonical column 'place'; valid names are user, item, ts, event, rating, category, lat, lon, tz_offset_min, text");
    expect(() => parseColumnMapping("user=a,user=b")).toThrow("'user' is mapped twice");
  });
});

describe("checkColumnMapping", () => {
  it("requires user, item and ts", () => {
    expect(() => checkColumnMapping({ user: "uid" })).toThrow("must map 'item', 'ts'");
    expect(checkColumnMapping({ user: "u", item: "i", ts: "t" })).toEqual({ user: "u", item: "i", ts: "t" });
    expect(() => checkColumnMapping({ user: "u", item: "i", ts: "" })).toThrow("'ts' must name a source column");
  });
});
