#!/usr/bin/env bash
# Builds the local base image the example app and the engine tests use: busybox on scratch.
# No image can be pulled on the development machines, so everything starts FROM scratch.
set -euo pipefail
name=${BASE_IMAGE:-release-phase-base:busybox}
if docker image inspect "$name" >/dev/null 2>&1 && [ "${1:-}" != "--force" ]; then exit 0; fi
busybox=$(command -v busybox || true)
[ -n "$busybox" ] || { echo "base-image: busybox is missing (apt-get install busybox-static)" >&2; exit 1; }
busybox=$(readlink -f "$busybox")
file "$busybox" 2>/dev/null | grep -q 'statically linked' || ldd "$busybox" 2>&1 | grep -q 'not a dynamic' || {
  echo "base-image: $busybox is not statically linked (apt-get install busybox-static)" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$busybox" "$dir/busybox"
tini=$(command -v tini-static || true)
[ -n "$tini" ] && cp "$(readlink -f "$tini")" "$dir/tini" || : > "$dir/tini"
cat > "$dir/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
COPY tini /usr/bin/tini
RUN ["/bin/sh", "-c", "[ -s /usr/bin/tini ] && chmod 755 /usr/bin/tini || rm /usr/bin/tini; mkdir -p /tmp /app && chmod 1777 /tmp"]
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["/bin/sh"]
DOCKERFILE
docker buildx build --load --quiet --tag "$name" "$dir" >/dev/null
echo "base-image: built $name" >&2
