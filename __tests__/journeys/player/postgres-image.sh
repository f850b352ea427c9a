#!/usr/bin/env bash
# Builds a real PostgreSQL image from the host's Debian packages (no image can be pulled here):
# busybox base + the postgres binaries, every shared library they load (ldd) and the share files.
# It stands in for `services: postgres: image: postgres:…` in the journeys. Usage: postgres-image.sh NAME
set -euo pipefail
name=$1
if docker image inspect "$name" >/dev/null 2>&1; then exit 0; fi
# Debian keeps the server off PATH, under /usr/lib/postgresql/<major>/bin: take the newest.
server=$(command -v postgres || ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$server" ] || { echo "postgres-image: no postgres server binary (apt-get install postgresql)" >&2; exit 1; }
pgbin=$(dirname "$(readlink -f "$server")")
pgroot=$(dirname "$pgbin")                       # /usr/lib/postgresql/<major>
major=$(basename "$pgroot")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/root"
copy() { mkdir -p "$dir/root$(dirname "$1")" && cp -L "$1" "$dir/root$1"; }
tar -C / -cf - "${pgroot#/}" "usr/share/postgresql/$major" usr/share/zoneinfo/UTC usr/share/zoneinfo/Etc | tar -C "$dir/root" -xf -
for lib in $(ldd "$pgroot"/bin/* "$pgroot"/lib/*.so 2>/dev/null | awk '/=> \//{print $3} $1 ~ /ld-linux/{print $1}' | sort -u); do copy "$lib"; done
cat > "$dir/root/entrypoint.sh" <<'SH'
#!/bin/sh
# Like the official image: initialise on first start with POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB, then serve.
set -e
export PATH="$PGBIN:$PATH" PGDATA=/var/lib/postgresql/data
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" > /tmp/pw
  initdb -D "$PGDATA" -U "${POSTGRES_USER:-postgres}" --pwfile=/tmp/pw --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C >/dev/null
  rm /tmp/pw
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  db=${POSTGRES_DB:-${POSTGRES_USER:-postgres}}
  if [ "$db" != postgres ]; then
    postgres -D "$PGDATA" -c listen_addresses= -k /tmp & pid=$!
    until pg_isready -h /tmp -q; do sleep 0.2; done
    psql -h /tmp -U "${POSTGRES_USER:-postgres}" -d postgres -qc "CREATE DATABASE \"$db\""
    kill $pid; wait $pid || true
  fi
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -k /tmp
SH
chmod 755 "$dir/root/entrypoint.sh"
cat > "$dir/Dockerfile" <<DOCKERFILE
FROM release-phase-base:busybox
COPY root/ /
RUN echo 'postgres:x:999:999::/var/lib/postgresql:/bin/sh' >> /etc/passwd && echo 'postgres:x:999:' >> /etc/group \\
 && mkdir -p /var/lib/postgresql && chown 999:999 /var/lib/postgresql
ENV PGBIN=$pgroot/bin PATH=$pgroot/bin:/usr/local/bin:/usr/bin:/bin TZ=UTC
USER 999
EXPOSE 5432
ENTRYPOINT ["/entrypoint.sh"]
DOCKERFILE
docker buildx build --load --quiet --tag "$name" "$dir" >/dev/null
echo "postgres-image: built $name from $pgroot" >&2
