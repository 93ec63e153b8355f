/**
 * The counts behind docs/accuracy.md: per setting and family, good deploys and false fails, and per shift how many
 * were caught within 5 rounds, of how many. Pure; `AccuracyResults` is what docs/accuracy-results.json holds.
 */
import { CAUGHT_WITHIN_ROUNDS, FACTORS, factorRole, median, type Factor, type FactorRole } from './corpus.ts'
import { FAMILIES, type Family } from './nab.ts'
import { changeRule, type AccuracySetting } from './settings.ts'

/** The SPEC's targets are for the real series. */
export const REAL_FAMILIES: readonly Family[] = ['tweets', 'traffic']
/** At most this many false fails per 100 good deploys. */
export const MAX_FALSE_FAILS_PER_100 = 1

/** One check's verdict. */
export interface CheckVerdict {
  readonly setting: string
  readonly caseId: string
  readonly family: Family
  readonly factor: Factor
  readonly required: boolean
  readonly result: string
  /** Round index (0-based) of the sample that failed it. */
  readonly failedRound?: number
}

export interface ShiftTally {
  readonly role: Exclude<FactorRole, 'good'>
  /** Cases counted: the required ones of a `required` shift, every case of a `measured` one; 0 when `off`. */
  readonly cases: number
  /** Of those, failed within 5 rounds. */
  readonly caught: number
  /** Median round index of failure of those that failed at all; null when none did. */
  readonly medianFailedRound: number | null
  /** `required` only: the cases not caught within 5 rounds. */
  readonly missed?: readonly string[]
}

export interface FamilyTally {
  readonly good: number
  readonly falseFails: number
  readonly medianFalseFailRound: number | null
  readonly falseFailCases: readonly string[]
  /** By factor: `2`, `3`, `0.3`, `1.5`, `0.5`. */
  readonly shifts: Readonly<Record<string, ShiftTally>>
}

export interface SettingTally {
  readonly name: string
  readonly baseline: Readonly<Record<string, string | number>>
  readonly offsetSamples: number
  readonly families: Readonly<Record<Family, FamilyTally>>
  /** ≤ 1 false fail per 100 good deploys and every required shift caught, on the real series together. */
  readonly meetsTargets: boolean
}

export function tallySetting(setting: AccuracySetting, verdicts: readonly CheckVerdict[]): SettingTally {
  const mine = verdicts.filter((v) => v.setting === setting.name)
  const families = Object.fromEntries(
    FAMILIES.map((family) => [
      family,
      tallyFamily(
        setting,
        mine.filter((v) => v.family === family),
      ),
    ]),
  ) as Record<Family, FamilyTally>
  return {
    name: setting.name,
    baseline: setting.baseline,
    offsetSamples: setting.offsetSamples ?? 0,
    families,
    meetsTargets: meetsTargets(REAL_FAMILIES.map((f) => families[f])),
  }
}

function tallyFamily(setting: AccuracySetting, verdicts: readonly CheckVerdict[]): FamilyTally {
  const good = verdicts.filter((v) => v.factor === 1)
  const falseFails = good.filter((v) => v.result === 'failed')
  const rule = changeRule(setting)
  const shifts: Record<string, ShiftTally> = {}
  for (const factor of FACTORS) {
    if (factor === 1) continue
    const role = factorRole(factor, rule)
    if (role === 'good') continue
    const all = verdicts.filter((v) => v.factor === factor)
    const counted = role === 'required' ? all.filter((v) => v.required) : role === 'measured' ? all : []
    const caught = counted.filter(caughtInTime)
    shifts[String(factor)] = {
      role,
      cases: counted.length,
      caught: caught.length,
      medianFailedRound: medianRound(counted),
      ...(role === 'required'
        ? { missed: counted.filter((v) => !caughtInTime(v)).map((v) => v.caseId) }
        : {}),
    }
  }
  return {
    good: good.length,
    falseFails: falseFails.length,
    medianFalseFailRound: medianRound(falseFails),
    falseFailCases: falseFails.map((v) => v.caseId),
    shifts,
  }
}

function caughtInTime(v: CheckVerdict): boolean {
  return v.result === 'failed' && v.failedRound !== undefined && v.failedRound < CAUGHT_WITHIN_ROUNDS
}

function medianRound(verdicts: readonly CheckVerdict[]): number | null {
  const rounds = verdicts.flatMap((v) =>
    v.result === 'failed' && v.failedRound !== undefined ? [v.failedRound] : [],
  )
  return rounds.length === 0 ? null : median(rounds)
}

/** The targets over these families together. */
export function meetsTargets(families: readonly FamilyTally[]): boolean {
  const good = families.reduce((n, f) => n + f.good, 0)
  const falseFails = families.reduce((n, f) => n + f.falseFails, 0)
  const missed = families.some((f) =>
    Object.values(f.shifts).some((s) => s.role === 'required' && s.caught < s.cases),
  )
  return good > 0 && falseFails * 100 <= MAX_FALSE_FAILS_PER_100 * good && !missed
}

/** What docs/accuracy-results.json holds. */
export interface AccuracyResults {
  readonly corpus: {
    readonly windowSamples: number
    readonly rounds: number
    readonly marginSamples: number
    readonly caughtWithinRounds: number
    readonly steps: Readonly<Record<Family, number>>
    readonly factors: readonly number[]
  }
  readonly replay: {
    /** The day it ran (UTC), `YYYY-MM-DD`. */
    readonly measuredOn: string
    /** dist/source-hash.txt of the build measured. */
    readonly distSourceHash: string
    readonly intervalMs: number
    readonly maxChecksPerRun: number
    readonly concurrency: number
    readonly gateRuns: number
    /** Runs repeated because a sample did not match its round (none in a clean run). */
    readonly repeatedRuns: number
    readonly checks: number
    readonly samplesVerified: number
    readonly slowestRoundMs: number
    readonly elapsedSeconds: number
    /** Checks whose replayed verdict equals the in-process one (in-process.ts), of `checks`. */
    readonly inProcessAgreement: number
  }
  readonly settings: readonly SettingTally[]
}
