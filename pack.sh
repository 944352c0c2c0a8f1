#!/usr/bin/env bash
# Packs every NuGet package into one folder (default artifacts/packages): the Cutout library, one Cutout.Models.<name>
# per shipped model (models/<name>.onnx with its .json), and the `cutout` tool (Cutout.Cli) for each platform.
#   ./pack.sh [OUT]
#   CUTOUT_TOOL_RIDS=linux-x64 ./pack.sh OUT     the tool for these platforms only (comma-separated; default all four)
#   CUTOUT_PACKAGE_VERSION=1.2.3 ./pack.sh OUT   one version for every package (default: 0.1.0, models their own)
#   CUTOUT_ARTIFACTS=DIR ./pack.sh OUT           build in DIR instead of the projects' bin/ and obj/ (what the tests do)
set -euo pipefail
cd "$(dirname "$0")"
out="$(realpath -m "${1:-artifacts/packages}")"
common=(-c Release -o "$out" -nologo -v:q)
if [ -n "${CUTOUT_ARTIFACTS:-}" ]; then common+=(--artifacts-path "$CUTOUT_ARTIFACTS"); fi
if [ -n "${CUTOUT_PACKAGE_VERSION:-}" ]; then
  common+=("-p:Version=$CUTOUT_PACKAGE_VERSION" "-p:CutoutPackageVersion=$CUTOUT_PACKAGE_VERSION")
fi

dotnet pack src/Cutout "${common[@]}"
for onnx in models/*.onnx; do
  name="$(basename "$onnx" .onnx)"
  if [ -f "models/$name.json" ]; then
    dotnet pack packaging/ModelPackage "${common[@]}" "-p:ModelName=$name"
  fi
done
dotnet pack src/Cutout.Cli "${common[@]}"   # reads CUTOUT_TOOL_RIDS itself
ls -l "$out"
