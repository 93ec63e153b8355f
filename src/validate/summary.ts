/** The validate job summary and check-run text: a pure function of the result. */
import type { Finding, ValidateResult } from './validate.ts'
import { codeCell, escapeCell, Icons, table, verdictLine } from '../report/markdown.ts'

export function renderValidateSummary(
  result: ValidateResult,
  ctx: { configFile?: string; checks: number },
): string {
  const errors = result.findings.filter((f) => f.severity === 'error')
  const warnings = result.findings.filter((f) => f.severity === 'warning')
  const facts = [
    ctx.configFile ? codeCell(ctx.configFile) : 'inputs only',
    `${ctx.checks} check${ctx.checks === 1 ? '' : 's'}`,
    `${errors.length} problem${errors.length === 1 ? '' : 's'}`,
    `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`,
  ]
  const icon = result.verdict === 'valid' ? Icons.ok : Icons.fail
  const parts = [verdictLine(icon, `deploy-gate config: ${result.verdict}`, facts)]
  if (result.findings.length > 0) {
    parts.push(
      table(
        ['', 'where', 'check', 'problem'],
        result.findings.map((f) => [
          f.severity === 'error' ? Icons.fail : Icons.warn,
          escapeCell(where(f)),
          f.check ? codeCell(f.check) : '',
          escapeCell(f.message),
        ]),
      ),
    )
  }
  if (result.queries.length > 0) {
    const label = {
      ok: `${Icons.ok} ok`,
      'no-series': `${Icons.warn} no series`,
      rejected: `${Icons.fail} rejected`,
      'not-checked': `${Icons.pending} not checked`,
    }
    parts.push(
      '#### Queries',
      table(
        ['check', 'query', 'result'],
        result.queries.map((q) => [
          codeCell(q.check),
          codeCell(q.query),
          `${label[q.result]}${q.seriesCount ? ` (${q.seriesCount} series)` : ''}`,
        ]),
      ),
    )
  }
  return parts.join('\n\n') + '\n'
}

export function where(f: Finding): string {
  const loc = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : ''
  return loc ? `${f.path} (${loc})` : f.path
}
