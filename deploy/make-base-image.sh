#!/usr/bin/env bash
# Makes a Debian bookworm base image without any registry: mmdebstrap builds a minimal root file system (minbase,
# no recommends, no docs, man pages or locales, like bookworm-slim) from the Debian mirror, and podman imports it.
#   deploy/make-base-image.sh [TAG]     default localhost/debian:bookworm-slim; needs root, mmdebstrap and podman
set -euo pipefail
tag="${1:-localhost/debian:bookworm-slim}"
rootfs="$(mktemp -t bookworm-rootfs-XXXXXX.tar)"
trap 'rm -f "$rootfs"' EXIT
mmdebstrap --variant=minbase --mode=root --aptopt='Apt::Install-Recommends "false"' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  bookworm "$rootfs"
podman import --change 'CMD ["bash"]' "$rootfs" "$tag"
