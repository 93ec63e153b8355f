/**
 * Turns a failed HTTP exchange into a reason. Network and TLS failures are breaches: the app is what is being checked
 * (SPEC §3). Only failures that point at a bug in deploy-gate are `internal` (an `error` measurement).
 */

export interface FailureDescription {
  readonly reason: string
  /** True when the failure is ours, not the target's. */
  readonly internal: boolean
}

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server while sending the request',
  ECONNABORTED: 'connection aborted',
  ETIMEDOUT: 'connect timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  EHOSTUNREACH: 'host unreachable',
  EHOSTDOWN: 'host is down',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network is down',
  EADDRNOTAVAIL: 'address not available',
  ENOTFOUND: 'DNS: host not found',
  EAI_NONAME: 'DNS: host not found',
  EAI_NODATA: 'DNS: host has no address',
  EAI_AGAIN: 'DNS: temporary failure resolving the host',
  EAI_FAIL: 'DNS: lookup failed',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for response headers',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response body',
  UND_ERR_HEADERS_OVERFLOW: 'response headers too large',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'response body does not match its Content-Length',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'response too large',
  UND_ERR_INFO: 'invalid HTTP response',
  UND_ERR_NOT_SUPPORTED: 'response uses an unsupported HTTP feature',
}

/** OpenSSL verification codes and Node's TLS error codes; all mean the server's TLS is not acceptable. */
const TLS_CODE =
  /CERT|SELF_SIGNED|UNABLE_TO_|ISSUER|HOSTNAME_MISMATCH|INVALID_CA|PATH_LENGTH|^ERR_TLS_|^ERR_SSL_/

/** Errors a stale keep-alive connection produces when the server closed it just as a request went out. */
export const STALE_CONNECTION_CODES: ReadonlySet<string> = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'])

export function describeFailure(err: unknown): FailureDescription {
  const code = errorCode(err)
  if (code !== undefined) {
    const known = NETWORK_REASONS[code]
    if (known !== undefined) return { reason: known, internal: false }
    if (TLS_CODE.test(code)) return { reason: `TLS: ${tlsMessage(err) || code}`, internal: false }
    if (code.startsWith('HPE_')) return { reason: `invalid HTTP response (${code})`, internal: false }
    if (/^E[A-Z]+$/.test(code)) return { reason: `network error ${code}`, internal: false }
  }
  const message = errorMessage(err)
  return { reason: `internal error: ${message || String(err)}`, internal: true }
}

/** The `code` of an error, of the first error inside an AggregateError (happy eyeballs), or of its cause. */
export function errorCode(err: unknown): string | undefined {
  for (const candidate of [err, firstAggregated(err), causeOf(err)]) {
    if (typeof candidate === 'object' && candidate !== null && 'code' in candidate) {
      const { code } = candidate
      if (typeof code === 'string' && code !== '') return code
    }
  }
  return undefined
}

function firstAggregated(err: unknown): unknown {
  return err instanceof AggregateError ? (err.errors as unknown[])[0] : undefined
}

function causeOf(err: unknown): unknown {
  return err instanceof Error ? err.cause : undefined
}

function errorMessage(err: unknown): string {
  const inner = err instanceof AggregateError && !err.message ? firstAggregated(err) : err
  return inner instanceof Error ? inner.message : ''
}

/** OpenSSL's text without the hint Node appends (`; if the root CA is installed locally, try … --use-system-ca`). */
function tlsMessage(err: unknown): string {
  return withoutNodeTlsHint(errorMessage(err))
}

/** A TLS error text without Node's own hint (`--use-system-ca`), meaningless inside an action. */
export function withoutNodeTlsHint(text: string): string {
  return text.split('; ')[0] ?? ''
}
