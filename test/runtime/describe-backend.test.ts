import { describe, it, expect } from "vitest";
import { describeBackend } from "../../src/runtime/describe-backend";

describe("describeBackend", () => {
  it("writes one line with version, backend, features, threads and device", () => {
    expect(describeBackend({ version: "4.22.0", backend: "wasm", features: ["SIMD"], threads: 1, device: "CPU" })).toBe(
      "TensorFlow.js 4.22.0 backend wasm (SIMD, 1 thread) on CPU",
    );
    expect(describeBackend({ version: "4.22.0", backend: "wasm", features: ["SIMD"], threads: 8, device: "CPU" })).toBe(
      "TensorFlow.js 4.22.0 backend wasm (SIMD, 8 threads) on CPU",
    );
  });

  it("leaves out the thread count when libtensorflow manages it, and empty parentheses", () => {
    expect(
      describeBackend({ version: "4.22.0", backend: "tensorflow-gpu", features: ["libtensorflow", "CUDA"], threads: null, device: "GPU" }),
    ).toBe("TensorFlow.js 4.22.0 backend tensorflow-gpu (libtensorflow, CUDA) on GPU");
    expect(describeBackend({ version: "1.0.0", backend: "cpu", features: [], threads: null, device: "CPU" })).toBe(
      "TensorFlow.js 1.0.0 backend cpu on CPU",
    );
  });
});
