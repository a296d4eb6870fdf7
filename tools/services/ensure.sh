#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) are up, installing them from
# Debian's packages on a machine that lacks them, and that the `test` database exists; also that
# Chromium is there for the browser tests (test/support/browser.ts): installed from Debian's
# `chromium` package when missing. LOADBAY_NEED_BROWSER=0 skips that (a machine that runs no
# browser tests); the default is on so that CI (.ci/run, npm test) always has it.
# Used by `npm test` (pretest), `npm run demo` and .ci/run.
set -euo pipefail

install_pkg() {
  if [ "$(id -u)" != 0 ]; then echo "missing $1: install it (apt-get install $1) or start it yourself" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
}

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  command -v pg_ctlcluster >/dev/null 2>&1 || install_pkg postgresql
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL did not start" >&2; exit 1; }
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  command -v redis-server >/dev/null 2>&1 || install_pkg redis-server
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "Redis did not start" >&2; exit 1; }
fi

for db in test "${LOADBAY_EXTRA_DB:-}"; do
  [ -n "$db" ] || continue
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE \"$db\""
done

# Chromium for the browser tests. CHROMIUM_PATH overrides /usr/bin/chromium, as in test/support/browser.ts.
if [ "${LOADBAY_NEED_BROWSER:-1}" != 0 ] && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" != 0 ]; then
    # Not fatal: only the browser tests need it, and they say so when they cannot start it.
    echo "missing chromium: browser tests will fail (apt-get install chromium, or set CHROMIUM_PATH)" >&2
  else
    install_pkg chromium
    [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || { echo "chromium did not install" >&2; exit 1; }
  fi
fi
