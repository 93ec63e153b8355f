/**
 * fastify + fastify-metrics, registered as its README shows (`register(metricsPlugin, { endpoint: '/metrics' })`):
 * GET /work. Run by start-app.ts as its own process.
 */
import Fastify from 'fastify'
import fastifyMetrics from 'fastify-metrics'
import { behaviour, readAppEnv } from './behaviour-env.ts'

const env = readAppEnv()
const answer = behaviour(env)
const app = Fastify()
// A CommonJS module: from ESM its default import is module.exports, whose `default` is the plugin.
await app.register(fastifyMetrics.default, { endpoint: '/metrics' })
app.get('/work', async (_req, reply) => {
  const status = await answer()
  return reply.code(status).send(status === 500 ? 'error\n' : 'ok\n')
})
await app.listen({ port: env.port, host: '127.0.0.1' })
