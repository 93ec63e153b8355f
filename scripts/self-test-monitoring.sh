#!/bin/sh
# For CI's self-test job (`uses: ./` in gate mode on GitHub's Ubuntu runner): a Prometheus scraping a node_exporter,
# both on 127.0.0.1, from the distribution's `prometheus` and `prometheus-node-exporter` packages (installed when
# missing, their own services kept from starting), run in the background with a minimal config under $RUNNER_TEMP.
# The runner ends them when the job ends. Returns once Prometheus has enough samples for the gate's `cpu` rate().
#
#   sh scripts/self-test-monitoring.sh        then: prometheus-url http://127.0.0.1:19090,
#                                                   host-selector job="node",instance="127.0.0.1:19100"
set -eu
prometheus_port="${SELF_TEST_PROMETHEUS_PORT:-19090}"
node_port="${SELF_TEST_NODE_EXPORTER_PORT:-19100}"
dir="${RUNNER_TEMP:-/tmp}/deploy-gate-self-test"
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo

if ! command -v prometheus >/dev/null 2>&1 || ! command -v prometheus-node-exporter >/dev/null 2>&1; then
  # policy-rc.d exit 101 ("action not allowed"): the packages' postinst scripts do not start their services.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
  fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    prometheus prometheus-node-exporter >/dev/null
  [ -z "$policy" ] || $sudo rm -f "$policy"
fi
prometheus --version 2>&1 | head -n 1
prometheus-node-exporter --version 2>&1 | head -n 1

rm -rf "$dir"
mkdir -p "$dir/data"
cat >"$dir/prometheus.yml" <<EOF
global:
  scrape_interval: 2s
  evaluation_interval: 2s
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['127.0.0.1:$node_port']
EOF

nohup prometheus-node-exporter --web.listen-address="127.0.0.1:$node_port" >"$dir/node-exporter.log" 2>&1 &
echo "$!" >"$dir/node-exporter.pid"
nohup prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
  --web.listen-address="127.0.0.1:$prometheus_port" >"$dir/prometheus.log" 2>&1 &
echo "$!" >"$dir/prometheus.pid"

# Ready when the cpu check's rate() has two samples per CPU: a real answer, not an empty one.
query='count(rate(node_cpu_seconds_total{job="node"}[2m]))'
deadline=$(($(date +%s) + 60))
until curl -fsS -G "http://127.0.0.1:$prometheus_port/api/v1/query" --data-urlencode "query=$query" 2>/dev/null |
  grep -q '"result":\[{'; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "Prometheus on 127.0.0.1:$prometheus_port has no node_exporter samples after 60s; its log:" >&2
    tail -n 30 "$dir/prometheus.log" "$dir/node-exporter.log" >&2
    exit 1
  fi
  sleep 1
done
echo "Prometheus on 127.0.0.1:$prometheus_port scrapes node_exporter on 127.0.0.1:$node_port (logs in $dir)"
