#!/usr/bin/env bash
# One-time set-up on a fresh machine (idempotent): the system tools the workbook needs,
# the npm packages (with the tslab patch) and the project-local Jupyter kernel.
#   - Jupyter (nbclient + nbconvert + notebook) to execute notebooks and open them;
#   - Chromium, only for the test that opens an HTML report headless (SKIP_CHROMIUM=1 skips it).
# On Debian/Ubuntu they come from apt (as root, or with passwordless sudo); elsewhere Jupyter comes
# from pip. When neither can run, the script stops and prints the exact command to run.
set -euo pipefail
cd "$(dirname "$0")/.."

has_jupyter() {
  for py in "${PYTHON:-}" /usr/bin/python3 python3; do
    [ -n "$py" ] && "$py" -c "import nbclient, nbconvert, nbformat" >/dev/null 2>&1 && return 0
  done
  return 1
}
has_chromium() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }

apt_pkgs=()
has_jupyter || apt_pkgs+=(jupyter-nbconvert jupyter-notebook python3-nbclient)
[ "${SKIP_CHROMIUM:-0}" = 1 ] || has_chromium || apt_pkgs+=(chromium)

if [ ${#apt_pkgs[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo"; else
      echo "Missing system packages. Run this, then run the set-up again:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${apt_pkgs[*]}" >&2
      exit 1
    fi
    echo "setup: installing ${apt_pkgs[*]} with apt"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}" >/dev/null
  elif ! has_jupyter && command -v python3 >/dev/null 2>&1; then
    echo "setup: installing Jupyter with pip (--user)"
    python3 -m pip install --user nbclient nbconvert notebook || {
      echo "Could not install Jupyter. Run: python3 -m pip install --user nbclient nbconvert notebook" >&2; exit 1; }
  fi
  has_jupyter || { echo "Jupyter is still missing; install nbclient and nbconvert for python3." >&2; exit 1; }
  if [ "${SKIP_CHROMIUM:-0}" != 1 ] && ! has_chromium; then
    echo "setup: warning: Chromium not found; the report-rendering test will be skipped. Install the 'chromium' package." >&2
  fi
fi

echo "setup: installing npm packages (the optional native TensorFlow packages fail offline and are skipped)"
# `npm install` (not `npm ci`): it installs the versions pinned in package-lock.json, but npm 11's
# `npm ci` rejects this lock file (it wants entries for rollup's other-platform binaries that
# `npm install` never writes while vite nests its own rollup), see README "Dependencies and pins".
npm install --no-audit --no-fund

npx tsx scripts/register-kernel.ts
echo "setup: done. Run \`npm start\` to execute the notebooks, \`npm test\` to run the tests."
