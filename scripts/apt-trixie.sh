#!/usr/bin/env bash
# Adds Debian trixie as a second apt source, pinned low so nothing else moves (shared/ENGINE.md).
# Only on Debian; a no-op where the source is already there.
set -euo pipefail
grep -q '^ID=debian' /etc/os-release || exit 0
[ -f /etc/apt/sources.list.d/trixie.sources ] && exit 0
sed -e 's/^Suites:.*/Suites: trixie/' /etc/apt/sources.list.d/debian.sources \
  | awk 'BEGIN{RS="";ORS="\n\n"} NR==1' > /etc/apt/sources.list.d/trixie.sources
printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > /etc/apt/preferences.d/trixie
apt-get update -qq
