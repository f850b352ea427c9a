#!/usr/bin/env bash
# Unpacks a Docker Engine (>= 24) and containerd (>= 1.7) from the distribution's own packages into a
# folder, without installing them, for the engine test that runs the action on an engine using the
# containerd image store (the default of fresh Docker 29 installs). Prints the folder.
set -euo pipefail
dest=${RELEASE_PHASE_CONTAINERD_ENGINE:-/var/cache/release-phase/containerd-engine}
if [ -x "$dest/root/usr/sbin/dockerd" ] || [ -x "$dest/root/usr/bin/dockerd" ]; then echo "$dest"; exit 0; fi
here=$(cd "$(dirname "$0")" && pwd)
target=()
if grep -q '^ID=debian' /etc/os-release; then
  bash "$here/apt-trixie.sh" # bookworm's docker.io is 20.10, which has no containerd image store
  target=(-t trixie)
fi
mkdir -p "$dest"
cd "$dest"
apt-get download -qq "${target[@]}" docker.io containerd >/dev/null 2>&1 || { echo "containerd-engine: apt-get download docker.io containerd failed" >&2; exit 1; }
for deb in *.deb; do dpkg -x "$deb" root; done
rm -f ./*.deb
version=$("$dest"/root/usr/*bin/dockerd --version | sed -E 's/.*version ([0-9]+).*/\1/')
[ "$version" -ge 24 ] || { echo "containerd-engine: dockerd $version is too old for the containerd image store" >&2; rm -rf "$dest"; exit 1; }
echo "$dest"
