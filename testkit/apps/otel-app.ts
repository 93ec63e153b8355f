/**
 * A plain node:http server instrumented with the OpenTelemetry JS SDK the usual way: a MeterProvider whose reader
 * is the Prometheus exporter, and @opentelemetry/instrumentation-http registered BEFORE node:http is loaded (it
 * patches the module on require). The exporter's own server is not started (`preventServerStart`): its handler
 * answers /metrics on the app's port, so the app is one scrape target; /metrics itself is not recorded
 * (`ignoreIncomingRequestHook`). Which semantic conventions are emitted is left to the library version and to
 * OTEL_SEMCONV_STABILITY_OPT_IN (README.md says what each emitted).
 */
import type * as NodeHttp from 'node:http'
import type { IncomingMessage } from 'node:http'
import { createRequire } from 'node:module'
import { metrics } from '@opentelemetry/api'
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus'
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http'
import { MeterProvider } from '@opentelemetry/sdk-metrics'
import { behaviour, readAppEnv } from './behaviour-env.ts'

const env = readAppEnv()
const answer = behaviour(env)
const exporter = new PrometheusExporter({ preventServerStart: true })
const meterProvider = new MeterProvider({ readers: [exporter] })
metrics.setGlobalMeterProvider(meterProvider)
// APP_OTEL_LEGACY=1: @opentelemetry/instrumentation-http 0.220.0 (installed as otel-instrumentation-http-legacy),
// the last version its README names as reading OTEL_SEMCONV_STABILITY_OPT_IN (old conventions by default).
type InstrumentationClass = new (config: {
  ignoreIncomingRequestHook: (req: IncomingMessage) => boolean
}) => { setMeterProvider(provider: MeterProvider): void }
const Instrumentation: InstrumentationClass =
  process.env.APP_OTEL_LEGACY === '1'
    ? (await import('otel-instrumentation-http-legacy')).HttpInstrumentation
    : HttpInstrumentation
const instrumentation = new Instrumentation({ ignoreIncomingRequestHook: (req) => req.url === '/metrics' })
instrumentation.setMeterProvider(meterProvider)

// Loaded through require after the instrumentation is registered, so require-in-the-middle patches it.
const http = createRequire(import.meta.url)('node:http') as typeof NodeHttp

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/metrics') {
    exporter.getMetricsRequestHandler(req, res)
    return
  }
  if (req.url !== '/work') {
    res.writeHead(404).end('not found\n')
    return
  }
  void answer().then((status) => {
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 500 ? 'error\n' : 'ok\n')
  })
})
server.listen(env.port, '127.0.0.1')
