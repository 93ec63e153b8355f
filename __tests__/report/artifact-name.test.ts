import { describe, expect, it } from 'vitest'
import { reportArtifactName } from '../../src/report/artifact-name.ts'

describe('reportArtifactName: unique per job, attempt and leg (upload-artifact v4 refuses a duplicate with 409)', () => {
  it.each<[string, Parameters<typeof reportArtifactName>[1], string]>([
    ['one job', { job: 'deploy', runAttempt: 2, jobName: 'deploy' }, 'deploy-gate-report-deploy-attempt-2'],
    [
      'a matrix leg',
      { job: 'deploy', runAttempt: 1, jobName: 'deploy (web)' },
      'deploy-gate-report-deploy-attempt-1-deploy-web',
    ],
    [
      'a job of a called reusable workflow',
      { job: 'deploy', runAttempt: 1, jobName: 'web / deploy' },
      'deploy-gate-report-deploy-attempt-1-web-deploy',
    ],
    [
      'name unknown, id known',
      { job: 'deploy', runAttempt: 3, jobId: 51725241954 },
      'deploy-gate-report-deploy-attempt-3-job-51725241954',
    ],
    ['nothing known but the job', { job: 'deploy', runAttempt: 1 }, 'deploy-gate-report-deploy-attempt-1'],
    [
      'characters artifact names may not hold, and runner commands, never pass',
      { job: 'deploy', runAttempt: 1, jobName: 'deploy ("a:b"|c*?\\/\r\n::error::x)' },
      'deploy-gate-report-deploy-attempt-1-deploy-a-b-c-error-x',
    ],
    ['no GITHUB_JOB', { job: '', runAttempt: 1 }, 'deploy-gate-report-attempt-1'],
  ])('%s → %s', (_name, facts, expected) => {
    expect(reportArtifactName('deploy-gate-report', facts)).toBe(expected)
  })

  it('two legs of one job never get one name', () => {
    const a = reportArtifactName('r', { job: 'deploy', runAttempt: 1, jobName: 'deploy (web)' })
    const b = reportArtifactName('r', { job: 'deploy', runAttempt: 1, jobName: 'deploy (ai)' })
    expect(a).not.toBe(b)
  })

  it('none stays none (no upload)', () => {
    expect(reportArtifactName('none', { job: 'deploy', runAttempt: 1 })).toBe('none')
  })
})
