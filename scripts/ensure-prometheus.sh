#!/bin/sh
# The integration tests run real monitoring servers (Debian packages): `prometheus` (with promtool),
# `prometheus-node-exporter` and `victoria-metrics`. Installs the missing ones when this user may, without starting
# the packages' services (the tests start their own on 127.0.0.1); otherwise says how, and fails (a missing server
# is never a silent skip).
set -eu
missing=""
if [ -z "${PROMETHEUS_BIN:-}" ] && { ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; }; then
  missing="$missing prometheus"
fi
if [ -z "${NODE_EXPORTER_BIN:-}" ] && ! command -v prometheus-node-exporter >/dev/null 2>&1; then
  missing="$missing prometheus-node-exporter"
fi
if [ -z "${VICTORIA_METRICS_BIN:-}" ] && ! command -v victoria-metrics >/dev/null 2>&1; then
  missing="$missing victoria-metrics"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "not found:$missing; installing the Debian packages (services not started)"
  # policy-rc.d exit 101: "action not allowed", so postinst scripts do not start the services.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy"
  fi
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  [ -n "$policy" ] && rm -f "$policy"
  exit 0
fi
echo "not found:$missing; install with 'apt-get install$missing' (Debian), or set PROMETHEUS_BIN / PROMTOOL_BIN, NODE_EXPORTER_BIN, VICTORIA_METRICS_BIN" >&2
exit 1
