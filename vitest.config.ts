import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // native addons (polars, tfjs) are happier in forked processes than in worker threads
    pool: "forks",
  },
});
