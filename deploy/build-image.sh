#!/usr/bin/env bash
# Builds the `cutout serve` image from deploy/Containerfile: publishes src/Cutout.Cli self-contained for linux-x64 into
# a temporary build context (with `cutout` as the command's name), then runs podman (or docker) build.
#   deploy/build-image.sh [TAG]                     default tag localhost/cutout:<version>
#   BASE_IMAGE=localhost/debian:bookworm-slim ...   a base made by deploy/make-base-image.sh (no registry needed)
#   CONTAINER_ENGINE=docker ...                     docker instead of podman
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)"
tag="${1:-localhost/cutout:$version}"
engine="${CONTAINER_ENGINE:-$(command -v podman || command -v docker || true)}"
[ -n "$engine" ] || { echo "build-image.sh: neither podman nor docker is installed" >&2; exit 2; }
context="$(mktemp -d -t cutout-image-XXXXXX)"
trap 'rm -rf "$context"' EXIT

dotnet publish src/Cutout.Cli -c Release -r linux-x64 --self-contained -nologo -v:q -o "$context/publish" \
  ${CUTOUT_ARTIFACTS:+--artifacts-path "$CUTOUT_ARTIFACTS"}
cp "$context/publish/Cutout.Cli" "$context/publish/cutout"
cp deploy/Containerfile "$context/Containerfile"
build=("$engine" build -f "$context/Containerfile" -t "$tag")
if [ -n "${BASE_IMAGE:-}" ]; then build+=(--build-arg "BASE_IMAGE=$BASE_IMAGE"); fi
# podman writes OCI images by default, which have no HEALTHCHECK; the docker format keeps it.
if [ "$(basename "$engine")" = podman ]; then build+=(--format docker); fi
"${build[@]}" "$context"
echo "$tag"
