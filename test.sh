#!/usr/bin/env bash
# Runs every test: restores NuGet packages, installs Debian's Chromium for the browser tests when missing, builds, tests.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
export OMP_WAIT_POLICY=PASSIVE
log="$(mktemp -t cutout-test-XXXXXX.log)"
set +e
dotnet test Cutout.slnx -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo
echo "== summary =="
grep -E "^(Total tests|     (Passed|Failed|Skipped)):|Test Run (Successful|Failed|Aborted)|Results File" "$log" || true
if [ "$status" -ne 0 ]; then
  echo "== what failed (repeated from above, so it is in the last lines) =="
  grep -E -A 40 "^  Failed |error [A-Z]+[0-9]+:|[Aa]borted|crashed" "$log" | head -300 || true
fi
rm -f "$log"
exit "$status"
