/**
 * The one parser of http(s) URLs from config (health checks, `prometheus.url`), used by config, the HTTP prober and
 * the Prometheus client, and the one decoder of their userinfo (`userinfoOf`).
 */

/** `text` as a URL when it is a valid http:// or https:// URL; otherwise a reason that does not quote `text`. */
export function parseWebUrl(text: string): URL | string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'invalid URL'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `unsupported URL scheme ${url.protocol}`
  return url
}

/** The URL's user name and password as sent (percent-decoded); undefined when it has neither. */
export function userinfoOf(url: URL): { readonly username: string; readonly password: string } | undefined {
  if (url.username === '' && url.password === '') return undefined
  return { username: decodeUserinfo(url.username), password: decodeUserinfo(url.password) }
}

/**
 * A URL's user name or password as sent (percent-decoded); as written when it is not valid percent-encoding (`50%off`)
 * — a bare `decodeURIComponent` would throw.
 */
function decodeUserinfo(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
