// undici's own files that undici-slim.ts loads instead of undici's index; their types are undici's.
declare module 'undici/lib/dispatcher/dispatcher.js' {
  import type { Dispatcher as DispatcherClass } from 'undici/index.js'
  const Dispatcher: typeof DispatcherClass
  export = Dispatcher
}
declare module 'undici/lib/dispatcher/pool.js' {
  import type { Pool as PoolClass } from 'undici/index.js'
  const Pool: typeof PoolClass
  export = Pool
}
declare module 'undici/lib/dispatcher/agent.js' {
  import type { Agent as AgentClass } from 'undici/index.js'
  const Agent: typeof AgentClass
  export = Agent
}
declare module 'undici/lib/dispatcher/proxy-agent.js' {
  import type { ProxyAgent as ProxyAgentClass } from 'undici/index.js'
  const ProxyAgent: typeof ProxyAgentClass
  export = ProxyAgent
}
declare module 'undici/lib/api/index.js' {
  const api: Record<string, unknown>
  export = api
}
declare module 'undici/lib/web/fetch/index.js' {
  import type { fetch as fetchFunction } from 'undici/index.js'
  export const fetch: typeof fetchFunction
}
