#!/bin/sh
# The integration tests run a real Prometheus (Debian package `prometheus`, with promtool).
# Installs it when missing and this user may; otherwise says how, and fails (a missing server is never a silent skip).
set -eu
if [ -n "${PROMETHEUS_BIN:-}" ] || { command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; }; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "prometheus not found: installing the Debian package (apt-get install prometheus)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  exit 0
fi
echo "prometheus not found: install it with 'apt-get install prometheus' (Debian) or set PROMETHEUS_BIN" >&2
exit 1
