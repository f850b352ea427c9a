#!/usr/bin/env bash
# Installs and starts what the engine tests need on a Debian machine, as root:
# a Docker engine, buildx, tini, busybox-static and docker-registry (see shared/ENGINE.md),
# plus the few tools the tests and the benchmark call (postgresql and socat: the sidecar tests' images).
# Every step is skipped when its piece already works, so on a GitHub-hosted runner
# (Docker and buildx preinstalled) this does nothing but check.
set -euo pipefail

log() { printf 'provision: %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

need_pkgs=()
have dockerd || need_pkgs+=(docker.io containerd runc)
have tini || [ -x /usr/bin/tini ] || need_pkgs+=(tini)
# The `init` input (docker run --init) needs the engine's docker-init: Debian's docker.io links it to tini-static.
have docker-init || [ -x /usr/libexec/docker/docker-init ] || need_pkgs+=(tini)
[ -x /bin/busybox ] || [ -x /usr/bin/busybox ] || need_pkgs+=(busybox-static)
have docker-registry || need_pkgs+=(docker-registry apache2-utils)
have htpasswd || need_pkgs+=(apache2-utils)
have curl || need_pkgs+=(curl)
have iptables || need_pkgs+=(iptables)
[ -x /usr/bin/time ] || need_pkgs+=(time)   # the benchmark's peak-RSS figure
# The journeys' services:/sidecars: postgres and the sidecar tests (a real server image is built from these binaries).
have postgres || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need_pkgs+=(postgresql)
have file || need_pkgs+=(file)              # base-image.sh checks busybox is static
have unshare || need_pkgs+=(util-linux)     # engine tests: private network and mount namespaces
have ssh-agent && have ssh-keygen || need_pkgs+=(openssh-client)  # engine tests: the ssh build input
have socat || need_pkgs+=(socat)             # sidecar tests: the proxy sidecar
have ip || need_pkgs+=(iproute2)             # engine tests: the private engine's loopback (the manifest probe)
[ -x /usr/sbin/sshd ] || need_pkgs+=(openssh-server)  # engine tests: the remote Docker host (helpers/remote-host.ts)
have openssl || need_pkgs+=(openssl)         # engine tests: the remote host's TLS engine

buildx_ok() { docker buildx version >/dev/null 2>&1; }

if [ ${#need_pkgs[@]} -gt 0 ] || ! buildx_ok; then
  if [ "$(id -u)" != 0 ] || ! have apt-get; then
    log "missing: ${need_pkgs[*]:-} $(buildx_ok || echo docker-buildx); install them (Debian, as root: bash scripts/provision-engine.sh)"
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  if [ ${#need_pkgs[@]} -gt 0 ]; then
    log "installing ${need_pkgs[*]}"
    # No service starts on install (openssh-server would start an sshd on port 22): tests start their own.
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
    rm -f /usr/sbin/policy-rc.d
  fi
  if ! buildx_ok; then
    # docker-buildx is packaged from trixie on; pin trixie low so nothing else moves.
    bash "$(dirname "$0")/apt-trixie.sh"
    log "installing docker-buildx from trixie"
    apt-get install -y -qq --no-install-recommends -t trixie docker-buildx >/dev/null
  fi
fi

if ! docker info >/dev/null 2>&1; then
  log "starting dockerd"
  mkdir -p /var/log
  # Prefer the packaged containerd when it is not running yet: dockerd starts its own otherwise.
  nohup dockerd >/var/log/release-phase-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || { log "dockerd did not come up; see /var/log/release-phase-dockerd.log"; tail -n 30 /var/log/release-phase-dockerd.log >&2; exit 1; }
fi
buildx_ok || { log "docker buildx is still missing"; exit 1; }
# A second engine, unpacked not installed, for the containerd-image-store test (scripts/containerd-engine.sh).
if [ "$(id -u)" = 0 ] && have apt-get; then
  log "containerd-store engine: $(bash "$(dirname "$0")/containerd-engine.sh")"
fi
log "engine ready: $(docker version --format 'server {{.Server.Version}}') / $(docker buildx version)"
