#!/bin/sh
# The real instrumented apps (testkit/apps) need, beside the npm devDependencies: Debian's Python with
# `python3-django-prometheus` and `python3-prometheus-client`, and Go with `golang-github-prometheus-client-golang-dev`
# (built offline in GOPATH mode against /usr/share/gocode). Installs the missing ones when this user may, without
# starting any service; otherwise says how, and fails (a missing app is never a silent skip).
set -eu
python="${APPS_PYTHON:-/usr/bin/python3}"
gopath="${APPS_GOPATH:-/usr/share/gocode}"
missing=""
if ! "$python" -c 'import prometheus_client' >/dev/null 2>&1; then
  missing="$missing python3-prometheus-client"
fi
if ! "$python" -c 'import django, django_prometheus' >/dev/null 2>&1; then
  missing="$missing python3-django-prometheus"
fi
if ! command -v "${GO_BIN:-go}" >/dev/null 2>&1; then
  missing="$missing golang-go"
fi
if [ ! -d "$gopath/src/github.com/prometheus/client_golang/prometheus/promhttp" ]; then
  missing="$missing golang-github-prometheus-client-golang-dev"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "not found:$missing; installing the Debian packages (services not started)"
  # policy-rc.d exit 101: "action not allowed", so postinst scripts do not start services.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy"
  fi
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  [ -n "$policy" ] && rm -f "$policy"
  if [ "$python" != /usr/bin/python3 ] && ! "$python" -c 'import django_prometheus, prometheus_client' >/dev/null 2>&1; then
    echo "installed, but APPS_PYTHON=$python does not see Debian's packages; unset it or point it at /usr/bin/python3" >&2
    exit 1
  fi
  exit 0
fi
echo "not found:$missing; install with 'apt-get install$missing' (Debian), or set APPS_PYTHON (a python3 with django, django_prometheus and prometheus_client), GO_BIN, APPS_GOPATH" >&2
exit 1
