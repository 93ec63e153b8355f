"""A plain http.server app instrumented by hand with prometheus_client, the way its README shows (a labelled
Counter, a Histogram with the default buckets, generate_latest for the exposition), using the names of the
Prometheus naming guide: http_requests_total{method,endpoint,status} and
http_request_duration_seconds{method,endpoint}. Run by start-app.ts with APP_PORT, APP_LATENCY_MS, APP_ERROR_RATIO."""
import math
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest

REQUESTS = Counter("http_requests_total", "HTTP requests.", ["method", "endpoint", "status"])
LATENCY = Histogram("http_request_duration_seconds", "HTTP request latency.", ["method", "endpoint"])

PORT = int(os.environ["APP_PORT"])
LATENCY_S = float(os.environ.get("APP_LATENCY_MS", "0")) / 1000
ERROR_RATIO = float(os.environ.get("APP_ERROR_RATIO", "0"))
_lock = threading.Lock()
_count = 0


def next_status():
    global _count
    with _lock:
        _count += 1
        n = _count
    return 500 if math.floor(n * ERROR_RATIO) > math.floor((n - 1) * ERROR_RATIO) else 200


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/metrics":
            self.send_body(200, generate_latest(), CONTENT_TYPE_LATEST)
            return
        if self.path != "/work":
            self.send_body(404, b"not found\n")
            return
        # Recorded before the answer is sent, so a scrape right after the last answer sees it.
        with LATENCY.labels(method="GET", endpoint="/work").time():
            status = next_status()
            if LATENCY_S > 0:
                time.sleep(LATENCY_S)
        REQUESTS.labels(method="GET", endpoint="/work", status=str(status)).inc()
        self.send_body(status, b"error\n" if status == 500 else b"ok\n")

    def send_body(self, status, body, content_type="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
