/**
 * Which deployment is current and which is the last stable one (SPEC §4, §5.1). Pure apart from `statusesOf`, which is
 * asked newest deployment first and only until the answer is known: each call costs the rollback one request.
 */
import type { DeploymentLedger, LedgerDeployment, LedgerStatus, ListOptions } from './types.ts'

/** Statuses that decide stability. `inactive`, `in_progress`, `queued` and `pending` decide nothing. */
const DECISIVE = new Set(['success', 'failure', 'error'])
/** The start of the description rollback writes on the deployment it rolled back (SPEC §4). */
export const ROLLED_BACK_PREFIX = 'rolled back to '

/** What the stable rule reads of a status. */
export type StatusFacts = Pick<LedgerStatus, 'state' | 'createdAt'> & { readonly description?: string }

export type StatusesOf = (
  deployment: LedgerDeployment,
) => readonly StatusFacts[] | Promise<readonly StatusFacts[]>

/** The rollback's mark: a `failure` whose description starts `rolled back to `. Final (SPEC §4). */
export function isRolledBackMark(status: StatusFacts): boolean {
  return status.state === 'failure' && (status.description ?? '').startsWith(ROLLED_BACK_PREFIX)
}

/** The mark, when the deployment carries one. */
export function findRolledBackMark(statuses: readonly StatusFacts[]): StatusFacts | undefined {
  return statuses.find(isRolledBackMark)
}

/** The deploy-gate records of the same run attempt as `d` (itself included), among `deployments`. */
export function attemptRecords(
  deployments: Iterable<LedgerDeployment>,
  d: LedgerDeployment,
): LedgerDeployment[] {
  const p = d.payload
  if (!p) return [d]
  const records = [...deployments].filter(
    (o) =>
      o.id === d.id ||
      (o.environment === d.environment &&
        o.payload?.run_id === p.run_id &&
        o.payload.run_attempt === p.run_attempt),
  )
  if (!records.some((o) => o.id === d.id)) records.push(d)
  return records.sort(newestFirst)
}

/**
 * Stable, for one record: a `success` and no `failure` or `error` after the last `success`, i.e. the newest deciding
 * status is `success` — and never once rolled back: a record carrying the rollback's mark is not stable whatever
 * follows it (a gate that was still watching may write `success` after the mark).
 * Only `failure` and `error` unmake a success: `inactive` (auto_inactive when a newer deployment succeeds) does not, and
 * neither do `in_progress`/`queued`/`pending`, which the gate never posts after its verdict — a re-run gate is a new
 * run attempt and so a new deployment. Statuses may come in any order; equal times keep the given (API, newest-first)
 * order.
 */
export function isStable(statuses: readonly StatusFacts[]): boolean {
  if (findRolledBackMark(statuses)) return false
  const newestFirst = statuses
    .map((s, index) => ({ s, index, at: Date.parse(s.createdAt) }))
    .sort((a, b) => b.at - a.at || a.index - b.index)
  return newestFirst.find(({ s }) => DECISIVE.has(s.state))?.s.state === 'success'
}

/** The newest deployment carrying the deploy-gate payload (by `createdAt`, then id). */
export function findCurrent(deployments: Iterable<LedgerDeployment>): LedgerDeployment | undefined {
  let current: LedgerDeployment | undefined
  for (const d of deployments) {
    if (d.payload && (!current || isOlder(current, d))) current = d
  }
  return current
}

/** The newest stable deployment carrying the payload that is older than `current` and has a different SHA. */
export function findStableBefore(
  deployments: Iterable<LedgerDeployment>,
  current: LedgerDeployment,
  statusesOf: StatusesOf,
  /** Where the candidates' run-attempt siblings are looked for; default `deployments`. */
  context?: Iterable<LedgerDeployment>,
): Promise<LedgerDeployment | undefined> {
  const currentSha = current.sha.toLowerCase()
  return newestStable(
    deployments,
    (d) => d.id !== current.id && isOlder(d, current) && d.sha.toLowerCase() !== currentSha,
    statusesOf,
    context,
  )
}

/** The newest stable deployment of a commit; `sha` may be abbreviated (7–40 hex). */
export function findStableForSha(
  deployments: Iterable<LedgerDeployment>,
  sha: string,
  statusesOf: StatusesOf,
  context?: Iterable<LedgerDeployment>,
): Promise<LedgerDeployment | undefined> {
  const prefix = sha.toLowerCase()
  return newestStable(deployments, (d) => d.sha.toLowerCase().startsWith(prefix), statusesOf, context)
}

export interface CurrentAndTarget {
  readonly current?: LedgerDeployment
  /** Every deploy-gate record of the current run attempt (current included), newest first. */
  readonly currentRecords?: readonly LedgerDeployment[]
  readonly target?: LedgerDeployment
  /** Every deploy-gate record of the target's run attempt (target included), newest first: the jobs to bring back. */
  readonly targetRecords?: readonly LedgerDeployment[]
}

/**
 * Current and rollback target of an environment, reading a page of deployments and a deployment's statuses only when
 * the answer is not yet known. `current` undefined means no deployment carries the payload (SPEC §5.1: fall back to the
 * run history); `target` undefined with a current means no stable deployment before it within `maxPages`. A run
 * attempt's records are looked for among the pages read so far (an attempt's records are created minutes apart, so
 * they sit together; one split by a page boundary is judged by the part already read).
 */
export async function findCurrentAndTarget(
  ledger: Pick<DeploymentLedger, 'pages' | 'statuses'>,
  environment: string,
  options?: ListOptions,
): Promise<CurrentAndTarget> {
  let current: LedgerDeployment | undefined
  const seen: LedgerDeployment[] = []
  const statusesOf = cachedStatuses((d) => ledger.statuses(d.id))
  // Pages come newest first, so everything on a later page is older than everything on an earlier one.
  for await (const page of ledger.pages(environment, options)) {
    seen.push(...page)
    current ??= findCurrent(page)
    if (!current) continue
    const target = await findStableBefore(page, current, statusesOf, seen)
    if (target) {
      return {
        current,
        currentRecords: attemptRecords(seen, current),
        target,
        targetRecords: attemptRecords(seen, target),
      }
    }
  }
  return current ? { current, currentRecords: attemptRecords(seen, current) } : {}
}

/** Each deployment's statuses are asked once, however often the rule needs them. */
export function cachedStatuses(statusesOf: StatusesOf): StatusesOf {
  const cache = new Map<number, Promise<readonly StatusFacts[]>>()
  return (d) => {
    let hit = cache.get(d.id)
    if (!hit) {
      hit = Promise.resolve(statusesOf(d))
      cache.set(d.id, hit)
    }
    return hit
  }
}

/**
 * Stable, for a release (SPEC §4): the record is stable and so is every other deploy-gate record of the same run
 * attempt in that environment (a release whose AI-host gate failed is not stable because its web-host gate passed).
 * The statuses of the attempt's records are read in parallel.
 */
export async function isReleaseStable(
  d: LedgerDeployment,
  deployments: Iterable<LedgerDeployment>,
  statusesOf: StatusesOf,
): Promise<boolean> {
  const records = attemptRecords(deployments, d)
  const all = await Promise.all(records.map(async (r) => isStable(await statusesOf(r))))
  return all.every(Boolean)
}

async function newestStable(
  deployments: Iterable<LedgerDeployment>,
  accept: (d: LedgerDeployment) => boolean,
  statusesOf: StatusesOf,
  context: Iterable<LedgerDeployment> = deployments,
): Promise<LedgerDeployment | undefined> {
  const all = [...context]
  const candidates = [...deployments].filter((d) => d.payload && accept(d)).sort(newestFirst)
  for (const d of candidates) {
    if (await isReleaseStable(d, all, statusesOf)) return d
  }
  return undefined
}

/** Newest first by `createdAt`; deployments created in the same second are ordered by id. */
function newestFirst(a: LedgerDeployment, b: LedgerDeployment): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id
}

/** `a` was created before `b`. */
function isOlder(a: LedgerDeployment, b: LedgerDeployment): boolean {
  return newestFirst(a, b) > 0
}
