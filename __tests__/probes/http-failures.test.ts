import { describe, expect, it } from 'vitest'
import { describeFailure } from '../../src/probes/http-failures.ts'

function codeError(code: string, message = `failed: ${code}`): Error {
  return Object.assign(new Error(message), { code })
}

describe('describeFailure', () => {
  it.each([
    ['ECONNREFUSED', 'connection refused'],
    ['ENOTFOUND', 'DNS: host not found'],
    ['EAI_AGAIN', 'DNS: temporary failure resolving the host'],
    ['ECONNRESET', 'connection reset by the server'],
    ['EHOSTUNREACH', 'host unreachable'],
    ['UND_ERR_SOCKET', 'connection closed by the server'],
    ['EWHATEVER', 'network error EWHATEVER'],
    ['HPE_INVALID_CONSTANT', 'invalid HTTP response (HPE_INVALID_CONSTANT)'],
  ])('%s is a breach: %s', (code, reason) => {
    expect(describeFailure(codeError(code))).toEqual({ reason, internal: false })
  })

  it('reads the code of the first error of an AggregateError (happy eyeballs) and of a cause', () => {
    const aggregate = new AggregateError([codeError('ECONNREFUSED'), codeError('ECONNREFUSED')], '')
    expect(describeFailure(aggregate)).toEqual({ reason: 'connection refused', internal: false })
    const wrapped = new Error('fetch failed', { cause: codeError('ENOTFOUND') })
    expect(describeFailure(wrapped)).toEqual({ reason: 'DNS: host not found', internal: false })
  })

  it.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
    ['CERT_HAS_EXPIRED', 'certificate has expired'],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      "Hostname/IP does not match certificate's altnames: Host: a. is not in the cert's altnames: DNS:b",
    ],
  ])('%s is a TLS breach', (code, message) => {
    expect(describeFailure(codeError(code, message))).toEqual({ reason: `TLS: ${message}`, internal: false })
  })

  it("drops Node's --use-system-ca hint from TLS messages", () => {
    const err = codeError(
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'unable to verify the first certificate; if the root CA is installed locally, try running Node.js with --use-system-ca',
    )
    expect(describeFailure(err).reason).toBe('TLS: unable to verify the first certificate')
  })

  it('calls anything else internal', () => {
    expect(describeFailure(new TypeError('x is not a function'))).toEqual({
      reason: 'internal error: x is not a function',
      internal: true,
    })
    expect(describeFailure('thrown string')).toEqual({
      reason: 'internal error: thrown string',
      internal: true,
    })
  })
})
