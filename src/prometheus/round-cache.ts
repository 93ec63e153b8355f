/**
 * One answer per query and round: checks that ask the same query in the same round (a service's traffic, asked by
 * its traffic check and to know whether errors and latency are judged) share one request. Rounds never overlap, so
 * the cache holds one round and is emptied when the next begins.
 */
import type { PrometheusClient } from './client.ts'
import type { QueryResult } from './response.ts'

export interface RoundCache<C extends PrometheusClient> {
  readonly client: C
  /** Called before each measurement with its round; a new round empties the cache (startup is never cached). */
  begin(round: number | undefined): void
}

export function roundCache<C extends PrometheusClient>(inner: C): RoundCache<C> {
  let current: number | undefined
  const answers = new Map<string, Promise<QueryResult>>()
  const client: C = {
    ...inner,
    query(promql, opts) {
      if (current === undefined) return inner.query(promql, opts)
      let answer = answers.get(promql)
      if (answer === undefined) {
        answer = inner.query(promql, opts)
        answers.set(promql, answer)
      }
      return answer
    },
  }
  return {
    client,
    begin(round) {
      if (round === current) return
      current = round
      answers.clear()
    },
  }
}
