/**
 * A URL's user name or password as sent (percent-decoded); as written when it is not valid percent-encoding (`50%off`)
 * — a bare `decodeURIComponent` would throw. The one decoder for config, the HTTP prober and the Prometheus client.
 */
export function decodeUserinfo(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
