/**
 * The demo environment: a small app (vLLM-like API server on the AI host) with health endpoints, and the exporters a
 * real setup would have next to it, each on its own 127.0.0.1 port as in production:
 *
 *   app           /healthz  /ready  /metrics (vLLM: vllm:kv_cache_usage_perc …)  POST /control/vram?percent=96[&gpu=0]
 *                 POST /control/release?version=v2 (the api service's release)
 *   node web-1    /metrics  node_exporter of the web host
 *   node ai-1     /metrics  node_exporter of the AI host
 *   dcgm ai-1     /metrics  dcgm-exporter of the AI host's two GPUs
 *   api web-1     /metrics  /actuator/health  the service being deployed (api-service.ts: Micrometer, v1 or v2)
 *
 * `node demo/app.ts` serves it alone until Ctrl-C, to look at with curl.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  HOSTS,
  VLLM_MODEL,
  createGpus,
  renderDcgmExporter,
  renderNodeExporter,
  renderVllm,
  type DemoGpu,
} from './exposition.ts'
import { ApiService, startApiServer, V1, V2, type ApiServer } from './api-service.ts'

const RELEASES = [V1, V2]

export type ScrapeJob = 'node' | 'dcgm' | 'vllm' | 'api'

/** How far back the api service's history goes: a 30-minute baseline window and a minute to spare. */
export const API_HISTORY_SEC = 31 * 60

export interface ScrapeTarget {
  readonly job: ScrapeJob
  /** What the target stands for, e.g. `node_exporter on web-1`. */
  readonly role: string
  /** `127.0.0.1:<port>`: Prometheus' `instance` label. */
  readonly address: string
  /** The simulated host (`HOSTS[].name`) of a node_exporter target. */
  readonly host?: string
}

export interface DemoApp {
  /** `http://127.0.0.1:<port>` of the app. */
  readonly url: string
  readonly healthUrls: readonly string[]
  readonly targets: readonly ScrapeTarget[]
  readonly gpus: readonly DemoGpu[]
  /** The service being deployed (job `api`), serving v1 and its history since `API_HISTORY_SEC` ago. */
  readonly api: ApiServer
  /** Sets the VRAM used percent of one GPU (`gpu` label) or of all. */
  setVramUsedPercent(percent: number, gpu?: string): void
  close(): Promise<void>
}

const TEXT_FORMAT = 'text/plain; version=0.0.4; charset=utf-8'

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json', JSON.stringify(body))
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse, url: URL) => void,
): Promise<Server> {
  const server = createServer((req, res) => handler(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')))
  server.keepAliveTimeout = 2_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  return server
}

function address(server: Server): string {
  return `127.0.0.1:${(server.address() as AddressInfo).port}`
}

function metricsOnly(render: () => string) {
  return (_req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (url.pathname === '/metrics') send(res, 200, TEXT_FORMAT, render())
    else send(res, 404, 'text/plain', 'not found: try /metrics\n')
  }
}

export async function startDemoApp(): Promise<DemoApp> {
  const gpus = createGpus()
  const setVramUsedPercent = (percent: number, gpu?: string): void => {
    if (!(percent >= 0 && percent <= 100)) throw new Error(`VRAM percent must be 0–100, got ${percent}`)
    const chosen = gpus.filter((g) => gpu === undefined || g.gpu === gpu)
    if (chosen.length === 0)
      throw new Error(`no GPU ${gpu}; the demo has ${gpus.map((g) => g.gpu).join(', ')}`)
    for (const g of chosen) g.usedPercent = percent
  }
  const api = await startApiServer(new ApiService(Math.floor(Date.now() / 1000) - API_HISTORY_SEC, V1))
  const state = (): unknown => ({
    vram: gpus.map((g) => ({ gpu: g.gpu, uuid: g.uuid, usedPercent: g.usedPercent })),
    api: api.service.releaseAt(Math.floor(Date.now() / 1000) + 1).version,
  })

  const app = await listen((req, res, url) => {
    switch (url.pathname) {
      case '/healthz':
        return sendJson(res, 200, { status: 'UP', db: 'UP' })
      case '/ready':
        return sendJson(res, 200, { status: 'READY', model: VLLM_MODEL })
      case '/metrics':
        return send(res, 200, TEXT_FORMAT, renderVllm())
      case '/control':
        return sendJson(res, 200, state())
      case '/control/release': {
        const release = RELEASES.find((r) => r.version === url.searchParams.get('version'))
        if (req.method !== 'POST' || release === undefined)
          return sendJson(res, 400, { error: 'POST /control/release?version=v1|v2' })
        api.service.deploy(release)
        return sendJson(res, 200, state())
      }
      case '/control/vram': {
        if (req.method !== 'POST')
          return sendJson(res, 405, { error: 'POST /control/vram?percent=96[&gpu=0]' })
        try {
          setVramUsedPercent(
            Number(url.searchParams.get('percent') ?? 'NaN'),
            url.searchParams.get('gpu') ?? undefined,
          )
          return sendJson(res, 200, state())
        } catch (error) {
          return sendJson(res, 400, { error: String(error) })
        }
      }
      default:
        return sendJson(res, 404, { error: 'not found' })
    }
  })
  const servers: Server[] = [app]
  const targets: ScrapeTarget[] = [
    { job: 'vllm', role: 'vLLM /metrics on ai-1 (the app)', address: address(app) },
  ]
  for (const host of HOSTS) {
    const server = await listen(metricsOnly(() => renderNodeExporter(host)))
    servers.push(server)
    targets.push({
      job: 'node',
      role: `node_exporter on ${host.name}`,
      address: address(server),
      host: host.name,
    })
  }
  const dcgm = await listen(metricsOnly(() => renderDcgmExporter(gpus, 'ai-1')))
  servers.push(dcgm)
  targets.push({ job: 'dcgm', role: 'dcgm-exporter on ai-1 (2 × A100 80GB)', address: address(dcgm) })
  targets.push({
    job: 'api',
    role: 'the api service on web-1 (Micrometer), the one deployed',
    address: api.address,
  })

  const url = `http://${address(app)}`
  let closed = false
  return {
    url,
    healthUrls: [`${url}/healthz`, `${url}/ready`],
    targets,
    gpus,
    api,
    setVramUsedPercent,
    close: async () => {
      if (closed) return
      closed = true
      await api.close()
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections()
              server.close(() => resolve())
            }),
        ),
      )
    },
  }
}

if (import.meta.main) {
  const demo = await startDemoApp()
  console.log(`app: ${demo.url}  (health: ${demo.healthUrls.join(' ')})`)
  for (const t of demo.targets) console.log(`${t.job.padEnd(5)} http://${t.address}/metrics  ${t.role}`)
  console.log(`api ${demo.api.healthUrl}  metrics http://${demo.api.address}/metrics`)
  console.log(`VRAM to 96 %: curl -X POST '${demo.url}/control/vram?percent=96&gpu=0'`)
  console.log(`api to v2:    curl -X POST '${demo.url}/control/release?version=v2'   (Ctrl-C stops)`)
  const stop = (): void => void demo.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
