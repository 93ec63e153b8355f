// A net/http server instrumented with client_golang's promhttp middleware, the way its package docs show:
// InstrumentHandlerCounter (http_requests_total{code,method}) and InstrumentHandlerDuration
// (http_request_duration_seconds{code,method}, DefBuckets) around GET /work, and promhttp.Handler() on /metrics.
// Built by start-app.ts against Debian's packaged Go libraries (GOPATH mode, no network).
package main

import (
	"math"
	"net/http"
	"os"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func envFloat(name string) float64 {
	value, err := strconv.ParseFloat(os.Getenv(name), 64)
	if err != nil {
		return 0
	}
	return value
}

func main() {
	latency := time.Duration(envFloat("APP_LATENCY_MS") * float64(time.Millisecond))
	errorRatio := envFloat("APP_ERROR_RATIO")
	var count int64

	requests := prometheus.NewCounterVec(
		prometheus.CounterOpts{Name: "http_requests_total", Help: "HTTP requests by status code and method."},
		[]string{"code", "method"},
	)
	duration := prometheus.NewHistogramVec(
		prometheus.HistogramOpts{Name: "http_request_duration_seconds", Help: "HTTP request latencies.", Buckets: prometheus.DefBuckets},
		[]string{"code", "method"},
	)
	prometheus.MustRegister(requests, duration)

	work := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := float64(atomic.AddInt64(&count, 1))
		if latency > 0 {
			time.Sleep(latency)
		}
		if math.Floor(n*errorRatio) > math.Floor((n-1)*errorRatio) {
			http.Error(w, "error", http.StatusInternalServerError)
			return
		}
		w.Write([]byte("ok\n"))
	})
	http.Handle("/work", promhttp.InstrumentHandlerDuration(duration, promhttp.InstrumentHandlerCounter(requests, work)))
	http.Handle("/metrics", promhttp.Handler())
	if err := http.ListenAndServe("127.0.0.1:"+os.Getenv("APP_PORT"), nil); err != nil {
		panic(err)
	}
}
