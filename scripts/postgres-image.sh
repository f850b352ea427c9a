#!/usr/bin/env bash
# Builds the sidecar engine tests' PostgreSQL image from the host's Debian packages (no image can be
# pulled here): the busybox base + postgres, initdb, psql, pg_isready and socat, every shared library
# they load (ldd), the share files and the UTC zone. Usage: postgres-image.sh [NAME] [--force]
#
# The image behaves like the official one where the tests need it: on first start it initialises a
# cluster with POSTGRES_USER (default postgres) / POSTGRES_PASSWORD (required) / POSTGRES_DB, then
# serves on 0.0.0.0:5432 with password (scram) authentication over TCP. Like the official image it
# starts as root, makes PGDATA its own (so `--tmpfs /var/lib/postgresql/data` works) and drops to the
# postgres user (uid 999) with busybox su, as the official one does with gosu; `--user` runs it as given.
# psql (the tasks' client) and socat (the proxy sidecar) come in the same image to keep one build.
# Both the sidecar engine tests and the journeys (services: and sidecars: postgres) use it.
# Needs: apt-get install postgresql socat (scripts/provision-engine.sh installs them).
set -euo pipefail
name=${1:-release-phase-test/postgres:local}
# An image built by an older version of this script is rebuilt: the label holds the script's hash.
hash=$(sha256sum "$0" | cut -c1-16)
built=$(docker image inspect --format '{{index .Config.Labels "release-phase.postgres-image"}}' "$name" 2>/dev/null || true)
if [ "$built" = "$hash" ] && [ "${2:-}" != "--force" ]; then exit 0; fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pgbin" ] && [ -x "$pgbin/postgres" ] || { echo "postgres-image: no PostgreSQL server (apt-get install postgresql)" >&2; exit 1; }
socat=$(command -v socat || true)
[ -n "$socat" ] || { echo "postgres-image: no socat (apt-get install socat)" >&2; exit 1; }
pgroot=$(dirname "$pgbin")
major=$(basename "$pgroot")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
root=$dir/root
mkdir -p "$root$pgroot/bin" "$root$pgroot/lib" "$root/usr/bin" "$root/usr/share/zoneinfo/Etc"
bins=(postgres initdb psql pg_isready pg_ctl)
for b in "${bins[@]}"; do cp "$pgbin/$b" "$root$pgroot/bin/"; done
# Extension modules, except the LLVM JIT (a 100 MB dependency; the server runs with jit=off).
find "$pgroot/lib" -maxdepth 1 -name '*.so' ! -name 'llvmjit*' -exec cp {} "$root$pgroot/lib/" \;
cp "$socat" "$root/usr/bin/socat"
mkdir -p "$root/usr/share/postgresql" && cp -r "/usr/share/postgresql/$major" "$root/usr/share/postgresql/"
cp /usr/share/zoneinfo/UTC "$root/usr/share/zoneinfo/UTC" && cp /usr/share/zoneinfo/Etc/UTC "$root/usr/share/zoneinfo/Etc/UTC"
libs=$(ldd "$root$pgroot"/bin/* "$root$pgroot"/lib/*.so "$socat" 2>/dev/null | awk '/=> \//{print $3} $1 ~ /^\/.*ld-linux/{print $1}' | sort -u)
for lib in $libs; do mkdir -p "$root$(dirname "$lib")" && cp -L "$lib" "$root$lib"; done

cat > "$root/docker-entrypoint.sh" <<'SH'
#!/bin/sh
# Initialise on first start (as the official image does), then serve on every address.
# With arguments (socat, psql, a shell), run them instead.
set -e
[ $# -gt 0 ] && exec "$@"
export PGDATA=${PGDATA:-/var/lib/postgresql/data}
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" && chown 999:999 "$PGDATA" && chmod 700 "$PGDATA"
  # busybox su (root needs no password) execs the shell: postgres stays PID 1. -p keeps POSTGRES_*.
  exec su -p -s /bin/sh postgres -c 'exec /docker-entrypoint.sh'
fi
user=${POSTGRES_USER:-postgres}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  [ -n "$POSTGRES_PASSWORD" ] || { echo "docker-entrypoint: POSTGRES_PASSWORD is required" >&2; exit 1; }
  mkdir -p "$PGDATA" && chmod 700 "$PGDATA"
  pw=$(mktemp) && printf '%s' "$POSTGRES_PASSWORD" > "$pw"
  initdb -D "$PGDATA" -U "$user" --pwfile="$pw" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync >/dev/null
  rm -f "$pw"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  db=${POSTGRES_DB:-$user}
  if [ "$db" != postgres ]; then
    postgres -D "$PGDATA" -c listen_addresses= -k /tmp -c jit=off & pid=$!
    until pg_isready -h /tmp -q; do sleep 0.1; done
    psql -h /tmp -U "$user" -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$db\""
    kill "$pid" && wait "$pid" || true
  fi
  echo "docker-entrypoint: initialised database $db for $user"
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -k /tmp -c jit=off -c fsync=off
SH
chmod 755 "$root/docker-entrypoint.sh"
cat > "$dir/Dockerfile" <<DOCKERFILE
FROM ${BASE_IMAGE:-release-phase-base:busybox}
COPY root/ /
# root needs its passwd entry too: libpq (psql, pg_isready without -U) takes the user name from it.
RUN (grep -q '^root:' /etc/passwd || echo 'root:x:0:0:root:/root:/bin/sh' >> /etc/passwd) \\
 && (grep -q '^root:' /etc/group || echo 'root:x:0:' >> /etc/group) \\
 && echo 'postgres:x:999:999::/var/lib/postgresql:/bin/sh' >> /etc/passwd && echo 'postgres:x:999:' >> /etc/group \\
 && mkdir -p /var/lib/postgresql /var/run/postgresql && chown 999:999 /var/lib/postgresql /var/run/postgresql
ENV PATH=$pgroot/bin:/usr/local/bin:/usr/bin:/bin TZ=UTC
LABEL release-phase.postgres-image=$hash
EXPOSE 5432
ENTRYPOINT ["/docker-entrypoint.sh"]
DOCKERFILE
docker buildx build --load --quiet --tag "$name" "$dir" >/dev/null
echo "postgres-image: built $name (PostgreSQL $major, psql, socat)" >&2
