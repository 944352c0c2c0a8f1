#!/usr/bin/env bash
# Runs every test: installs Debian's Chromium (browser tests) and ffmpeg (video tests) when missing, builds, tests,
# then prints a summary with every skipped test and its reason. In CI (CI=true) a skip whose reason is not on
# tests/allowed-skips.txt fails the run, so a broken feature cannot turn into a green "skipped".
set -euo pipefail
cd "$(dirname "$0")"

in_ci() { [ "${CI:-}" = "true" ]; }

# Installs a Debian package when the file it provides is missing; a failed install is an error in CI, a warning here.
ensure_debian_package() {
  local file="$1" package="$2"
  [ -x "$file" ] && return 0
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "== installing Debian's $package ($file is missing) =="
  $sudo apt-get update -qq || echo "warning: apt-get update failed; trying to install $package from the package lists already there" >&2
  $sudo apt-get install -y -qq "$package" >/dev/null || true
  [ -x "$file" ] && return 0
  if in_ci; then
    echo "error: could not install $package ($file still missing); the tests that need it cannot run" >&2
    exit 1
  fi
  echo "warning: could not install $package ($file still missing); the tests that need it will be skipped" >&2
}
ensure_debian_package /usr/bin/chromium chromium
ensure_debian_package /usr/bin/ffmpeg ffmpeg
ensure_debian_package /usr/bin/ffprobe ffmpeg

# Tests run on the repository's own models/ and the shipped default model, whatever the caller's shell had set.
unset CUTOUT_TEST_MODEL CUTOUT_MODELS
export OMP_WAIT_POLICY=PASSIVE
log="$(mktemp -t cutout-test-XXXXXX.log)"
results="$(mktemp -d -t cutout-test-results-XXXXXX)"
# Test processes keep their temporary files under ${TMPDIR:-/tmp}/cutout-tests-PID-*; a test host ended before its exit
# handler finished leaves its root behind (1-3 GB), so at the end the roots of processes that are gone are removed,
# after giving test hosts still shutting down 15 s to end.
remove_ended_test_roots() {
  local root pid wait
  for root in "${TMPDIR:-/tmp}"/cutout-tests-*; do
    [ -d "$root" ] || continue
    pid="${root##*/cutout-tests-}"; pid="${pid%%-*}"
    if [[ "$pid" =~ ^[0-9]+$ ]]; then
      for wait in $(seq 30); do [ -d "/proc/$pid" ] || break; sleep 0.5; done
      [ -d "/proc/$pid" ] && continue
    fi
    rm -rf "$root"
  done
}
trap 'rm -rf "$log" "$results"; remove_ended_test_roots' EXIT
set +e
dotnet test Cutout.slnx -c Release --logger "console;verbosity=normal" --logger trx --results-directory "$results" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo
echo "== summary =="
grep -E "^(Total tests| +(Passed|Failed|Skipped)):|Test Run (Successful|Failed|Aborted)" "$log" || true
if [ "$status" -ne 0 ]; then
  echo "== what failed (repeated from above, so it is in the last lines) =="
  grep -E -A 40 "^  Failed |error [A-Z]+[0-9]+:|[Aa]borted|crashed" "$log" | head -300 || true
fi
skip_status=0
console_skips="$(awk '/^ +Skipped: [0-9]+/ { n += $2 } END { print n + 0 }' "$log")"
tests/skipped-tests.sh "$results" tests/allowed-skips.txt "$console_skips" || skip_status=$?
if [ "$skip_status" -ne 0 ] && in_ci; then
  echo "error: CI=true and a test was skipped for a reason not on tests/allowed-skips.txt (see above)" >&2
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
