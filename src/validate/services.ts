/**
 * Validate's view of the service checks (SPEC §2 "Service checks"): the same detection as the gate's, once; each
 * service's convention and the names it was recognised by for the summary and report, and a problem on the service's
 * line when nothing is recognised. Without a Prometheus the service checks are not checked (their queries are built
 * only once the convention is known).
 */
import type { Problem } from '../errors.ts'
import type { CheckSpec } from '../model/check-spec.ts'
import type { HttpPrometheusClient } from '../prometheus/client.ts'
import { Inputs } from '../constants.ts'
import { resolveServices, type ServiceEvidence } from '../services/resolve.ts'

export interface ValidatedServices {
  /** The checks with the services' queries (a service nothing was recognised under contributes none). */
  readonly checks: CheckSpec[]
  readonly problems: Problem[]
  readonly services: readonly ServiceEvidence[]
}

export async function validateServices(
  checks: readonly CheckSpec[],
  prometheus: Pick<HttpPrometheusClient, 'metricNames' | 'labelNames'> | undefined,
  nowMs: number,
  configFile: string | undefined,
): Promise<ValidatedServices> {
  const isService = (c: CheckSpec): boolean => c.kind === 'metric' && c.service !== undefined
  if (prometheus === undefined || !checks.some(isService)) {
    return { checks: checks.filter((c) => !isService(c)), problems: [], services: [] }
  }
  const { checks: resolved, evidence } = await resolveServices(prometheus, checks, nowMs)
  const problems: Problem[] = []
  for (const e of evidence) {
    if (e.problem === undefined) continue
    const first = checks.find((c) => c.kind === 'metric' && c.service?.service === e.service)!
    const fromFile = first.line !== undefined && configFile !== undefined
    problems.push({
      path: fromFile ? `services.${e.service}` : Inputs.ServiceSelector,
      message: e.problem,
      ...(fromFile ? { file: configFile, line: first.line } : {}),
      check: e.service,
    })
  }
  const unresolved = new Set(evidence.filter((e) => e.problem !== undefined).map((e) => e.service))
  return {
    checks: resolved.filter((c) => !(c.kind === 'metric' && c.service && unresolved.has(c.service.service))),
    problems,
    services: evidence,
  }
}
