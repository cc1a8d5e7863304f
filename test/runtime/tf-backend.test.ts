import { describe, it, expect } from "vitest";
import type { BackendName } from "../../src/runtime/backend-name";
import type { BackendLoader, Tf } from "../../src/runtime/backend-loaders";
import { initTf } from "../../src/runtime/tf-backend";
import { describeBackend } from "../../src/runtime/describe-backend";
import { createRng } from "../../src/util/rng";

/** Fake loaders: `ok` ones succeed, the others throw; every call is logged. */
function fakeLoaders(ok: BackendName[]) {
  const calls: BackendName[] = [];
  const make = (name: BackendName): BackendLoader => async () => {
    calls.push(name);
    if (!ok.includes(name)) throw new Error(`${name} is not here\nsecond line`);
    return { device: name === "tensorflow-gpu" ? "GPU" : "CPU", threads: 3, features: [`f-${name}`] };
  };
  const loaders = { "tensorflow-gpu": make("tensorflow-gpu"), tensorflow: make("tensorflow"), wasm: make("wasm"), cpu: make("cpu") };
  const tf = { version: { tfjs: "9.9.9" } } as unknown as Tf;
  return { calls, loaders, tf };
}

describe("initTf selection order (fake loaders)", () => {
  it("tries gpu, node, wasm, cpu in order and stops at the first that loads", async () => {
    const f = fakeLoaders(["wasm", "cpu"]);
    const rt = await initTf({ env: {}, loaders: f.loaders, tf: f.tf });
    expect(f.calls).toEqual(["tensorflow-gpu", "tensorflow", "wasm"]);
    expect(rt.backend).toBe("wasm");
    expect(rt.version).toBe("9.9.9");
    expect(rt.threads).toBe(3);
    expect(rt.features).toEqual(["f-wasm"]);
    expect(rt.tried).toEqual([
      { name: "tensorflow-gpu", ok: false, error: "tensorflow-gpu is not here" },
      { name: "tensorflow", ok: false, error: "tensorflow is not here" },
      { name: "wasm", ok: true },
    ]);
  });

  it("takes the GPU when it loads", async () => {
    const f = fakeLoaders(["tensorflow-gpu", "tensorflow", "wasm", "cpu"]);
    const rt = await initTf({ env: {}, loaders: f.loaders, tf: f.tf });
    expect(f.calls).toEqual(["tensorflow-gpu"]);
    expect(rt.device).toBe("GPU");
  });

  it("falls through to cpu when nothing else loads", async () => {
    const f = fakeLoaders(["cpu"]);
    const rt = await initTf({ env: {}, loaders: f.loaders, tf: f.tf });
    expect(f.calls).toEqual(["tensorflow-gpu", "tensorflow", "wasm", "cpu"]);
    expect(rt.backend).toBe("cpu");
  });

  it("TF_BACKEND forces a single backend", async () => {
    const f = fakeLoaders(["tensorflow-gpu", "tensorflow", "wasm", "cpu"]);
    const rt = await initTf({ env: { TF_BACKEND: "cpu" }, loaders: f.loaders, tf: f.tf });
    expect(f.calls).toEqual(["cpu"]);
    expect(rt.backend).toBe("cpu");
    expect(rt.tried).toEqual([{ name: "cpu", ok: true }]);
  });

  it("the option wins over TF_BACKEND", async () => {
    const f = fakeLoaders(["tensorflow-gpu", "tensorflow", "wasm", "cpu"]);
    const rt = await initTf({ backend: "wasm", env: { TF_BACKEND: "gpu" }, loaders: f.loaders, tf: f.tf });
    expect(f.calls).toEqual(["wasm"]);
    expect(rt.backend).toBe("wasm");
  });

  it("a forced backend that cannot load throws its reason and does not fall back", async () => {
    const f = fakeLoaders(["wasm", "cpu"]);
    await expect(initTf({ env: { TF_BACKEND: "node" }, loaders: f.loaders, tf: f.tf })).rejects.toThrow(
      /'tensorflow' was forced \(TF_BACKEND=node\) but could not load: tensorflow: tensorflow is not here/,
    );
    expect(f.calls).toEqual(["tensorflow"]);
  });

  it("rejects a bad TF_BACKEND before loading anything", async () => {
    const f = fakeLoaders(["cpu"]);
    await expect(initTf({ env: { TF_BACKEND: "tpu" }, loaders: f.loaders, tf: f.tf })).rejects.toThrow(/TF_BACKEND must be one of/);
    expect(f.calls).toEqual([]);
  });

  it("reports every failure when no backend loads", async () => {
    const f = fakeLoaders([]);
    await expect(initTf({ env: {}, loaders: f.loaders, tf: f.tf })).rejects.toThrow(
      /no TensorFlow.js backend could load: tensorflow-gpu: .*; tensorflow: .*; wasm: .*; cpu: cpu is not here/,
    );
  });
});

function resolvable(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}
const nativeAbsent = !resolvable("tfjs-node-native") && !resolvable("tfjs-node-gpu-native");

function randomMatrix(rows: number, cols: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal()));
}

describe("initTf on this machine (real backends)", () => {
  it.skipIf(!nativeAbsent)("selects wasm when the native packages are absent, recording why they failed", async () => {
    const rt = await initTf({ env: {} });
    expect(rt.backend).toBe("wasm");
    expect(rt.tf.getBackend()).toBe("wasm");
    expect(rt.device).toBe("CPU");
    expect(rt.tried.map((t) => [t.name, t.ok])).toEqual([
      ["tensorflow-gpu", false],
      ["tensorflow", false],
      ["wasm", true],
    ]);
    expect(rt.tried[0].error).toMatch(/tfjs-node-gpu-native/);
    expect(rt.tried[1].error).toMatch(/tfjs-node-native/);
    expect(describeBackend(rt)).toMatch(/^TensorFlow\.js 4\.\d+\.\d+ backend wasm \((SIMD|no SIMD), \d+ threads?\) on CPU$/);
  });

  it("a forced cpu backend works", async () => {
    const rt = await initTf({ backend: "cpu", env: {} });
    expect(rt.backend).toBe("cpu");
    expect(rt.tf.getBackend()).toBe("cpu");
    expect(describeBackend(rt)).toBe(`TensorFlow.js ${rt.tf.version.tfjs} backend cpu (pure JS, 1 thread) on CPU`);
  });

  it.skipIf(!nativeAbsent)("a forced 'tensorflow' throws a clear error naming the missing package", async () => {
    await expect(initTf({ backend: "tensorflow", env: {} })).rejects.toThrow(
      /backend 'tensorflow' was forced \(option backend\) but could not load: tensorflow: cannot load 'tfjs-node-native'/,
    );
    await expect(initTf({ env: { TF_BACKEND: "gpu" } })).rejects.toThrow(/cannot load 'tfjs-node-gpu-native'/);
  });

  it("matMul gives the same numbers on wasm and cpu (within 1e-5) and leaks no tensors", async () => {
    const a = randomMatrix(37, 53, 1);
    const b = randomMatrix(53, 29, 2);
    const run = async (backend: "wasm" | "cpu") => {
      const { tf } = await initTf({ backend, env: {} });
      const before = tf.memory().numTensors;
      const out = tf.tidy(() => tf.matMul(tf.tensor2d(a), tf.tensor2d(b)).arraySync()) as number[][];
      expect(tf.memory().numTensors).toBe(before);
      return out;
    };
    const wasm = await run("wasm");
    const cpu = await run("cpu");
    // oracle: plain JS triple loop
    let maxDiff = 0;
    for (let i = 0; i < 37; i++) {
      for (let j = 0; j < 29; j++) {
        let s = 0;
        for (let k = 0; k < 53; k++) s += a[i][k] * b[k][j];
        maxDiff = Math.max(maxDiff, Math.abs(wasm[i][j] - cpu[i][j]));
        expect(cpu[i][j]).toBeCloseTo(s, 3);
      }
    }
    expect(maxDiff).toBeLessThan(1e-5);
  });

  it("re-initialising and switching backends creates no tensors", async () => {
    const first = await initTf({ backend: "wasm", env: {} });
    const before = first.tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await initTf({ backend: "cpu", env: {} });
      await initTf({ backend: "wasm", env: {} });
    }
    expect(first.tf.memory().numTensors).toBe(before);
  });
});
