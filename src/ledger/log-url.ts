/** The run attempt's log URL (for a deployment status's `log_url`). */

/** `<server>/<owner>/<repo>/actions/runs/<id>/attempts/<n>`. */
export function buildLogUrl(
  serverUrl: string,
  repository: string,
  runId: number,
  runAttempt: number,
): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}/attempts/${runAttempt}`
}
