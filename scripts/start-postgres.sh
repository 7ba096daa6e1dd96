#!/usr/bin/env bash
# Starts Debian's PostgreSQL 15 cluster (no systemd here) and gives the postgres role the password the tests use.
set -euo pipefail
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
[ -n "$version" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
# Tests and benchmarks open many pools at once (one per test database, several server replicas): 100 is too few.
conf="/etc/postgresql/$version/main/postgresql.conf"
if ! grep -q '^max_connections = 500' "$conf"; then
  echo 'max_connections = 500' | $SUDO tee -a "$conf" >/dev/null
  $SUDO pg_ctlcluster "$version" main stop >/dev/null 2>&1 || true
fi
if ! $SUDO pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  $SUDO pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  as_postgres psql -qAtc "select 1" >/dev/null 2>&1 && break
  sleep 0.5
done
as_postgres psql -qc "ALTER USER postgres PASSWORD 'postgres'" >/dev/null
