import { describe, it, expect } from "vitest";
import { BACKEND_ORDER, parseBackendRequest } from "../../src/runtime/backend-name";

describe("parseBackendRequest", () => {
  it("maps the TF_BACKEND short names and the long names", () => {
    expect(parseBackendRequest("gpu", "TF_BACKEND")).toBe("tensorflow-gpu");
    expect(parseBackendRequest("node", "TF_BACKEND")).toBe("tensorflow");
    expect(parseBackendRequest(" WASM ", "TF_BACKEND")).toBe("wasm");
    expect(parseBackendRequest("cpu", "TF_BACKEND")).toBe("cpu");
    expect(parseBackendRequest("tensorflow-gpu", "x")).toBe("tensorflow-gpu");
    expect(parseBackendRequest("tensorflow", "x")).toBe("tensorflow");
  });

  it("treats empty or missing as no preference", () => {
    expect(parseBackendRequest(undefined, "TF_BACKEND")).toBeUndefined();
    expect(parseBackendRequest("", "TF_BACKEND")).toBeUndefined();
    expect(parseBackendRequest("  ", "TF_BACKEND")).toBeUndefined();
  });

  it("rejects unknown values naming the source and the valid values", () => {
    expect(() => parseBackendRequest("tpu", "TF_BACKEND")).toThrow(/TF_BACKEND must be one of gpu\|node\|wasm\|cpu.*'tpu'/);
  });

  it("orders the fastest backend first", () => {
    expect([...BACKEND_ORDER]).toEqual(["tensorflow-gpu", "tensorflow", "wasm", "cpu"]);
  });
});
