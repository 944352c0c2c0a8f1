#!/usr/bin/env bash
# Runs every test: installs Debian's Chromium (browser tests), ffmpeg (video tests), podman with runc and mmdebstrap
# (the container test, on a base image made here from the Debian mirror) and kubectl (the manifests' test) when
# missing, builds, tests, then prints a summary with every skipped test and its reason. In CI (CI=true) a skip whose
# reason is not on tests/allowed-skips.txt fails the run, so a broken feature cannot turn into a green "skipped".
set -euo pipefail
cd "$(dirname "$0")"

in_ci() { [ "${CI:-}" = "true" ]; }

# A run needs about 5 GB free (measured: 2.1 GB of build outputs, 1-2 GB of test hosts' temporary files at once, the
# container image); short of that, tests fail one by one with "No space left on device", so say it first, and again at
# the end of a failed run.
free_disk_gb() { { df -Pk "$1" 2>/dev/null || true; } | awk 'NR == 2 { printf "%.1f", $4 / 1048576 }'; }
report_free_disk() {
  local here temp
  here="$(free_disk_gb .)"; temp="$(free_disk_gb "${TMPDIR:-/tmp}")"
  echo "== free disk: $here GB for the build here, $temp GB in ${TMPDIR:-/tmp} =="
  if awk -v a="$here" -v b="$temp" 'BEGIN { exit !(a < 5 || b < 5) }'; then
    echo "warning: under 5 GB free; the build and tests may run out of disk (No space left on device)" >&2
  fi
}
report_free_disk

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
ensure_debian_package /usr/bin/podman podman
ensure_debian_package /usr/sbin/runc runc
ensure_debian_package /usr/bin/mmdebstrap mmdebstrap
ensure_debian_package /usr/bin/kubectl kubernetes-client

# No registry is reachable: the container test builds on a Debian base image made from the mirror (about 2 minutes, once).
ensure_base_image() {
  local image="localhost/debian:bookworm-slim"
  podman image exists "$image" 2>/dev/null && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "== making the container base image $image (deploy/make-base-image.sh) =="
    deploy/make-base-image.sh "$image" >/dev/null 2>&1 || true
    podman image exists "$image" 2>/dev/null && return 0
  fi
  if in_ci; then
    echo "error: no container base image $image (deploy/make-base-image.sh needs root and the Debian mirror)" >&2
    exit 1
  fi
  echo "warning: no container base image $image; the container test will be skipped (make it as root: deploy/make-base-image.sh)" >&2
}
ensure_base_image

# Tests run on the repository's own models/ and the shipped default model, whatever the caller's shell had set.
unset CUTOUT_TEST_MODEL CUTOUT_MODELS
export OMP_WAIT_POLICY=PASSIVE
log="$(mktemp -t cutout-test-XXXXXX.log)"
results="$(mktemp -d -t cutout-test-results-XXXXXX)"
# Test processes keep their temporary files under ${TMPDIR:-/tmp}/cutout-tests-PID-*; a test host ended before its exit
# handler finished leaves its root behind (up to about 1 GB), so at the end the roots of processes that are gone are
# removed, after giving test hosts still shutting down 15 s to end.
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
  report_free_disk
fi
skip_status=0
console_skips="$(awk '/^ +Skipped: [0-9]+/ { n += $2 } END { print n + 0 }' "$log")"
tests/skipped-tests.sh "$results" tests/allowed-skips.txt "$console_skips" || skip_status=$?
if [ "$skip_status" -ne 0 ] && in_ci; then
  echo "error: CI=true and a test was skipped for a reason not on tests/allowed-skips.txt (see above)" >&2
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
