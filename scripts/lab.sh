#!/usr/bin/env bash
# `npm run lab`: opens the notebooks in Jupyter with the project-local tslab kernel.
# Extra arguments go to Jupyter, e.g. `npm run lab -- --no-browser --ip 0.0.0.0`.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx scripts/register-kernel.ts >/dev/null
export JUPYTER_PATH="$PWD/.jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
JUPYTER=$(command -v /usr/bin/jupyter || command -v jupyter || true)
[ -n "$JUPYTER" ] || { echo "Jupyter is not installed: run \`npm run setup\`." >&2; exit 1; }
ROOT_FLAG=(); [ "$(id -u)" = 0 ] && ROOT_FLAG=(--allow-root)
if "$JUPYTER" lab --version >/dev/null 2>&1; then exec "$JUPYTER" lab --notebook-dir=notebooks "${ROOT_FLAG[@]}" "$@"; fi
exec "$JUPYTER" notebook --notebook-dir=notebooks "${ROOT_FLAG[@]}" "$@"
