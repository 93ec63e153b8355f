import { describe, expect, it } from 'vitest'
import { maskUserinfo, redact, redactText, withoutUserinfo } from '../../src/report/redact.ts'

describe('redactText', () => {
  it('replaces every occurrence of every secret, longest first', () => {
    expect(redactText('token abc123 and abc123 again; abc', ['abc', 'abc123'])).toBe(
      'token *** and *** again; ***',
    )
  })

  it('replaces URL-encoded forms of secrets too', () => {
    expect(redactText('https://h/x?t=p%40ss%2Fw', ['p@ss/w'])).toBe('https://h/x?t=***')
  })

  it('ignores empty secrets', () => {
    expect(redactText('nothing to hide', [''])).toBe('nothing to hide')
  })

  it('masks URL userinfo anywhere in a string', () => {
    expect(redactText('see https://bob:pw@prom.example.com/api and ftp://u@h/', [])).toBe(
      'see https://***@prom.example.com/api and ftp://***@h/',
    )
  })
})

describe('userinfo helpers', () => {
  it('masks or removes only userinfo, not @ in paths or queries', () => {
    expect(maskUserinfo('https://u:p@h.example.com/a@b?c=d@e')).toBe('https://***@h.example.com/a@b?c=d@e')
    expect(maskUserinfo('https://h.example.com/a@b')).toBe('https://h.example.com/a@b')
    expect(withoutUserinfo('https://u:p@h.example.com/x')).toBe('https://h.example.com/x')
  })

  it('takes userinfo to its last @, so a password holding a raw @ goes whole', () => {
    expect(
      withoutUserinfo('GET https://user:p@ss@host:8443/x?y=1 then http://token@other/ and mail a@b.c'),
    ).toBe('GET https://host:8443/x?y=1 then http://other/ and mail a@b.c')
    expect(maskUserinfo('https://user:p@ss@host/x')).toBe('https://***@host/x')
  })
})

describe('redact', () => {
  it('walks objects and arrays, redacting strings and keys', () => {
    const input = {
      url: 'https://grafana:pw@prom.example.com',
      nested: [{ note: 'uses s3cr3t' }, 42, null, true],
      's3cr3t-key': 'x',
    }
    expect(redact(input, ['s3cr3t'])).toEqual({
      url: 'https://***@prom.example.com',
      nested: [{ note: 'uses ***' }, 42, null, true],
      '***-key': 'x',
    })
  })

  it('replaces the values of secret keys whatever they hold', () => {
    const config = {
      token: 'ghs_abc',
      secrets: ['a', 'b'],
      prometheus: {
        url: 'https://prom.example.com',
        bearerToken: 'unknown-to-secrets-list',
        'bearer-token': 'also',
        basicAuth: { username: 'grafana', password: 'hunter2' },
        headers: { 'X-Scope-OrgID': 'team-a', Authorization: 'Bearer zzz' },
      },
      http: [{ headers: { Authorization: 'Bearer t' }, 'expect-body': 'UP' }],
      'prometheus-headers': 'X-Scope-OrgID: team-a\nX-Other:  v',
      Authorization: 42,
      password: undefined,
    }
    expect(redact(config, [])).toEqual({
      token: '***',
      secrets: '***',
      prometheus: {
        url: 'https://prom.example.com',
        bearerToken: '***',
        'bearer-token': '***',
        basicAuth: { username: 'grafana', password: '***' },
        headers: { 'X-Scope-OrgID': '***', Authorization: '***' },
      },
      http: [{ headers: { Authorization: '***' }, 'expect-body': 'UP' }],
      'prometheus-headers': 'X-Scope-OrgID: ***\nX-Other: ***',
      Authorization: '***',
      password: undefined,
    })
  })

  it('does not modify its input and survives cycles', () => {
    const input: Record<string, unknown> = { a: 'k3y' }
    input.self = input
    const out = redact(input, ['k3y'])
    expect(input.a).toBe('k3y')
    expect(out).toEqual({ a: '***', self: '[circular]' })
  })

  it('redacts an object reached twice (label sets shared between report lists) the same way at both places', () => {
    const labels = { instance: 'k3y-host:9100', job: 'node' }
    const out = redact({ series: [{ labels }], baselines: [{ labels }], clean: [{ labels: { job: 'x' } }] }, [
      'k3y',
    ])
    expect(out.series[0]!.labels).toEqual({ instance: '***-host:9100', job: 'node' })
    expect(out.baselines[0]!.labels).toBe(out.series[0]!.labels)
    expect(labels.instance).toBe('k3y-host:9100')
  })

  it('leaves non-string scalars alone', () => {
    expect(redact([1, Number.NaN, false, null], ['1'])).toEqual([1, Number.NaN, false, null])
  })
})
