#!/usr/bin/env bash
# Runs every test: restores NuGet packages, installs Debian's Chromium for the browser tests when missing, builds, tests.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
export OMP_WAIT_POLICY=PASSIVE
dotnet test Cutout.slnx -c Release --logger "console;verbosity=normal" "$@"
