/**
 * express + express-prom-bundle, as its README's sample usage shows (`promBundle({ includeMethod: true })`, mounted
 * before the routes): GET /work, and /metrics served by the bundle. Run by start-app.ts as its own process.
 */
import express from 'express'
import promBundle from 'express-prom-bundle'
import { behaviour, readAppEnv } from './behaviour-env.ts'

const env = readAppEnv()
const answer = behaviour(env)
const app = express()
app.use(promBundle({ includeMethod: true }))
app.get('/work', async (_req, res) => {
  const status = await answer()
  res.status(status).send(status === 500 ? 'error\n' : 'ok\n')
})
app.listen(env.port, '127.0.0.1')
