/**
 * The part of undici this action, `@actions/http-client` and `@actions/github` use — `Pool`, `Agent`, `ProxyAgent`,
 * the Dispatcher API (`dispatcher.request`) and `fetch` (loaded on first use) — without undici's index, which also loads fetch, WebSocket, EventSource, the cache
 * stores, the mock agents and every interceptor. The bundle maps the bare `undici` here (tsconfig.json `paths`,
 * which ncc applies to every import, `@actions/http-client`'s too); tests run on undici itself. Same package, its
 * own files; the types are undici's.
 */
import DispatcherBase from 'undici/lib/dispatcher/dispatcher.js'
import api from 'undici/lib/api/index.js'
import PoolImpl from 'undici/lib/dispatcher/pool.js'
import AgentImpl from 'undici/lib/dispatcher/agent.js'
import ProxyAgentImpl from 'undici/lib/dispatcher/proxy-agent.js'
import type { fetch as fetchFunction } from 'undici/index.js'

// As undici's index does: the Dispatcher API methods (request, stream, pipeline, …) on every dispatcher.
Object.assign(DispatcherBase.prototype, api)

export const Pool = PoolImpl
export type Pool = InstanceType<typeof PoolImpl>
export const Agent = AgentImpl
export type Agent = InstanceType<typeof AgentImpl>
export const ProxyAgent = ProxyAgentImpl
export type ProxyAgent = InstanceType<typeof ProxyAgentImpl>
export type { Dispatcher } from 'undici/index.js'

/**
 * undici's fetch, loaded on its first call: only the GitHub client uses it (`@actions/github`'s proxy-aware fetch),
 * so a gate that records nothing never loads it.
 */
export const fetch: typeof fetchFunction = async (input, init) => {
  const { fetch: undiciFetch } = await import('undici/lib/web/fetch/index.js')
  return undiciFetch(input, init)
}
