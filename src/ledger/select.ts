/**
 * Which deployment is current and which is the last stable one (SPEC §4, §5.1). Pure apart from `statusesOf`, which is
 * asked newest deployment first and only until the answer is known: each call costs the rollback one request.
 */
import type { DeploymentLedger, LedgerDeployment, LedgerStatus, ListOptions } from './deployments.ts'

/** Statuses that decide stability. `inactive`, `in_progress`, `queued` and `pending` decide nothing. */
const DECISIVE = new Set(['success', 'failure', 'error'])

export type StatusesOf = (
  deployment: LedgerDeployment,
) =>
  | readonly Pick<LedgerStatus, 'state' | 'createdAt'>[]
  | Promise<readonly Pick<LedgerStatus, 'state' | 'createdAt'>[]>

/**
 * Stable: a `success` and no `failure` or `error` after the last `success`, i.e. the newest deciding status is `success`.
 * Only `failure` and `error` unmake a success: `inactive` (auto_inactive when a newer deployment succeeds) does not, and
 * neither do `in_progress`/`queued`/`pending`, which the gate never posts after its verdict — a re-run gate is a new
 * run attempt and so a new deployment. Statuses may come in any order; equal times keep the given (API, newest-first)
 * order.
 */
export function isStable(statuses: readonly Pick<LedgerStatus, 'state' | 'createdAt'>[]): boolean {
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
): Promise<LedgerDeployment | undefined> {
  const currentSha = current.sha.toLowerCase()
  return newestStable(
    deployments,
    (d) => d.id !== current.id && isOlder(d, current) && d.sha.toLowerCase() !== currentSha,
    statusesOf,
  )
}

/** The newest stable deployment of a commit; `sha` may be abbreviated (7–40 hex). */
export function findStableForSha(
  deployments: Iterable<LedgerDeployment>,
  sha: string,
  statusesOf: StatusesOf,
): Promise<LedgerDeployment | undefined> {
  const prefix = sha.toLowerCase()
  return newestStable(deployments, (d) => d.sha.toLowerCase().startsWith(prefix), statusesOf)
}

/**
 * Current and rollback target of an environment, reading a page of deployments and a deployment's statuses only when
 * the answer is not yet known. `current` undefined means no deployment carries the payload (SPEC §5.1: fall back to the
 * run history); `target` undefined with a current means no stable deployment before it within `maxPages`.
 */
export async function findCurrentAndTarget(
  ledger: Pick<DeploymentLedger, 'pages' | 'statuses'>,
  environment: string,
  options?: ListOptions,
): Promise<{ current?: LedgerDeployment; target?: LedgerDeployment }> {
  let current: LedgerDeployment | undefined
  const statusesOf: StatusesOf = (d) => ledger.statuses(d.id)
  // Pages come newest first, so everything on a later page is older than everything on an earlier one.
  for await (const page of ledger.pages(environment, options)) {
    current ??= findCurrent(page)
    if (!current) continue
    const target = await findStableBefore(page, current, statusesOf)
    if (target) return { current, target }
  }
  return current ? { current } : {}
}

async function newestStable(
  deployments: Iterable<LedgerDeployment>,
  accept: (d: LedgerDeployment) => boolean,
  statusesOf: StatusesOf,
): Promise<LedgerDeployment | undefined> {
  const candidates = [...deployments].filter((d) => d.payload && accept(d)).sort(newestFirst)
  for (const d of candidates) {
    if (isStable(await statusesOf(d))) return d
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
