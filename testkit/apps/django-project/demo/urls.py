"""GET /work (latency and 500s from APP_LATENCY_MS / APP_ERROR_RATIO, the same rule as every app) and
django-prometheus' /metrics."""
import math
import os
import threading
import time

from django.http import HttpResponse
from django.urls import include, path

LATENCY_S = float(os.environ.get("APP_LATENCY_MS", "0")) / 1000
ERROR_RATIO = float(os.environ.get("APP_ERROR_RATIO", "0"))
_lock = threading.Lock()
_count = 0


def work(request):
    global _count
    with _lock:
        _count += 1
        n = _count
    error = math.floor(n * ERROR_RATIO) > math.floor((n - 1) * ERROR_RATIO)
    if LATENCY_S > 0:
        time.sleep(LATENCY_S)
    return HttpResponse("error\n" if error else "ok\n", status=500 if error else 200)


urlpatterns = [
    path("work", work),
    path("", include("django_prometheus.urls")),
]
