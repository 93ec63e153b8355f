import { describe, expect, it } from 'vitest'
import { MAX_REDIRECTS, decideRedirect, firstHop } from '../../src/probes/redirects.ts'
import type { Hop } from '../../src/probes/redirects.ts'

const start = firstHop(new URL('https://api.example.com/health'), 'GET')

function follow(from: Hop, status: number, location: string): Hop {
  const decision = decideRedirect(from, status, location)
  if (decision.kind !== 'follow') throw new Error(`expected to follow, got ${JSON.stringify(decision)}`)
  return decision.hop
}

describe('decideRedirect', () => {
  it.each([200, 204, 304, 404, 503])('treats HTTP %i as final', (status) => {
    expect(decideRedirect(start, status, '/elsewhere')).toEqual({ kind: 'final' })
  })

  it('treats a redirect without Location as final', () => {
    expect(decideRedirect(start, 302, undefined)).toEqual({ kind: 'final' })
    expect(decideRedirect(start, 302, '')).toEqual({ kind: 'final' })
  })

  it('resolves relative locations against the current URL and keeps headers on the same origin', () => {
    const hop = follow(firstHop(new URL('https://api.example.com/a/b?x=1'), 'GET'), 301, '../c?y=2#frag')
    expect(hop.url.href).toBe('https://api.example.com/c?y=2')
    expect(hop).toMatchObject({ method: 'GET', sendConfiguredHeaders: true, redirects: 1 })
  })

  it.each([
    ['another host', 'https://other.example.com/health'],
    ['another port', 'https://api.example.com:8443/health'],
    ['another scheme', 'http://api.example.com/health'],
    ['a protocol-relative URL to another host', '//cdn.example.com/health'],
  ])('drops configured headers on a hop to %s', (_what, location) => {
    expect(follow(start, 302, location).sendConfiguredHeaders).toBe(false)
  })

  it('keeps dropping configured headers after coming back to the first origin', () => {
    const away = follow(start, 302, 'https://sso.example.com/login')
    const back = follow(away, 302, 'https://api.example.com/health')
    expect(back.sendConfiguredHeaders).toBe(false)
  })

  it('never takes credentials from a Location', () => {
    const hop = follow(start, 307, 'https://user:pw@api.example.com/x')
    expect(hop.url.href).toBe('https://api.example.com/x')
    expect(hop.sendConfiguredHeaders).toBe(true)
  })

  it.each([
    ['POST', 303, 'GET'],
    ['GET', 303, 'GET'],
    ['HEAD', 303, 'HEAD'],
    ['POST', 301, 'GET'],
    ['POST', 302, 'GET'],
    ['POST', 307, 'POST'],
    ['POST', 308, 'POST'],
    ['HEAD', 302, 'HEAD'],
  ] as const)('%s on %i becomes %s', (method, status, expected) => {
    expect(follow(firstHop(start.url, method), status, '/next').method).toBe(expected)
  })

  it(`stops after ${MAX_REDIRECTS} redirects`, () => {
    let hop = start
    for (let i = 0; i < MAX_REDIRECTS; i++) hop = follow(hop, 302, '/again')
    expect(hop.redirects).toBe(MAX_REDIRECTS)
    expect(decideRedirect(hop, 302, '/again')).toEqual({
      kind: 'stop',
      reason: 'HTTP 302: too many redirects (more than 5)',
    })
  })

  it('stops on an unusable Location', () => {
    expect(decideRedirect(start, 302, 'ftp://files.example.com/')).toEqual({
      kind: 'stop',
      reason: 'HTTP 302: redirect to unsupported scheme ftp:',
    })
    expect(decideRedirect(start, 302, 'http://[bad')).toEqual({
      kind: 'stop',
      reason: 'HTTP 302: redirect to an invalid Location',
    })
  })
})
