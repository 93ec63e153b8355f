import { describe, expect, it } from 'vitest'
import type { GateResult } from '../../src/model/gate-result.ts'
import { gateAnnotations } from '../../src/gate/annotations.ts'
import { MAX_ANNOTATIONS_PER_LEVEL } from '../../src/model/outcome.ts'
import {
  failedVramResult,
  inconclusiveResult,
  latencySpec,
  outcome,
  pass,
  stableResult,
  vramSpec,
} from '../report/fixtures.ts'

function manyFailed(count: number, enforce = true): GateResult {
  const checks = Array.from({ length: count }, (_, i) =>
    outcome(vramSpec({ name: `vram-${i + 1}`, enforce }), 'failed', [pass(0, 96)], `vram-${i + 1}: 96 > 95`),
  )
  return { ...failedVramResult(), checks, failedChecks: enforce ? checks.map((c) => c.spec.name) : [] }
}

describe('gateAnnotations', () => {
  it('gives a stable result no annotation', () => {
    expect(gateAnnotations(stableResult())).toEqual([])
  })

  it('raises one error per failed enforced check, titled by check and result, with the reason', () => {
    expect(gateAnnotations(failedVramResult())).toEqual([
      {
        level: 'error',
        title: 'deploy-gate: vram failed',
        message: '2 breaches in a row (max-consecutive-failures 2): 96.3 > 95 on gpu="0"',
      },
    ])
  })

  it('raises an error for an inconclusive check, none for a pending one', () => {
    const annotations = gateAnnotations(inconclusiveResult())
    expect(annotations).toHaveLength(1)
    expect(annotations[0]).toMatchObject({ level: 'error', title: 'deploy-gate: cpu inconclusive' })
    expect(gateAnnotations(failedVramResult()).map((a) => a.title)).not.toContain(
      'deploy-gate: http-1 pending',
    )
  })

  it('keeps exactly 10 when exactly 10 checks failed', () => {
    const annotations = gateAnnotations(manyFailed(10))
    expect(annotations).toHaveLength(10)
    expect(annotations.at(-1)!.title).toBe('deploy-gate: vram-10 failed')
  })

  it('caps errors at 10, the 10th counting the rest', () => {
    const annotations = gateAnnotations(manyFailed(25))
    expect(annotations).toHaveLength(MAX_ANNOTATIONS_PER_LEVEL)
    expect(annotations.slice(0, 9).map((a) => a.title)).toEqual(
      Array.from({ length: 9 }, (_, i) => `deploy-gate: vram-${i + 1} failed`),
    )
    expect(annotations[9]).toEqual({
      level: 'error',
      title: 'deploy-gate: +16 more checks failed',
      message: '+16 more checks failed — see the job summary',
    })
  })

  it('turns failed shadow checks into notices, never errors, also capped at 10', () => {
    const shadow = outcome(latencySpec(), 'failed', [pass(0, 3)], '2 breaches in a row: 3 > 2')
    const result = { ...failedVramResult(), checks: [...failedVramResult().checks, shadow] }
    const annotations = gateAnnotations(result)
    expect(annotations.filter((a) => a.level === 'error').map((a) => a.title)).toEqual([
      'deploy-gate: vram failed',
    ])
    expect(annotations.filter((a) => a.level === 'notice')).toEqual([
      {
        level: 'notice',
        title: 'deploy-gate: api-p95-latency failed (shadow check, not enforced)',
        message: '2 breaches in a row: 3 > 2',
      },
    ])
    const manyShadow = gateAnnotations(manyFailed(12, false))
    expect(manyShadow.every((a) => a.level === 'notice')).toBe(true)
    expect(manyShadow).toHaveLength(10)
    expect(manyShadow[9]!.message).toBe(
      '+3 more shadow checks failed or were inconclusive — see the job summary',
    )
  })

  it('falls back to a message when a check has no reason', () => {
    const result = { ...failedVramResult(), checks: [outcome(vramSpec(), 'failed', [])] }
    expect(gateAnnotations(result)[0]!.message).toBe('vram failed')
  })
})
