import { describe, expect, it } from 'vitest'
import {
  code,
  codeCell,
  details,
  escapeCell,
  fence,
  formatDuration,
  formatValue,
  link,
  shorten,
  sparkline,
  sparklineScale,
  table,
  verdictLine,
} from '../../src/report/markdown.ts'

describe('escapeCell', () => {
  it('escapes pipes, backticks, markdown punctuation, HTML and line breaks', () => {
    expect(escapeCell('a|b')).toBe('a\\|b')
    expect(escapeCell('`x`')).toBe('\\`x\\`')
    expect(escapeCell('line 1\nline 2\r\nline 3')).toBe('line 1<br>line 2<br>line 3')
    expect(escapeCell('<script> & *bold* _it_ [x]')).toBe('&lt;script> &amp; \\*bold\\* \\_it\\_ \\[x\\]')
    expect(escapeCell('C:\\path|')).toBe('C:\\\\path\\|')
  })

  it('leaves ordinary reasons readable', () => {
    expect(escapeCell('96.3 > 95 on gpu="0"')).toBe('96.3 > 95 on gpu="0"')
  })
})

describe('code spans', () => {
  it('uses a longer fence than any backtick run inside', () => {
    expect(code('up')).toBe('`up`')
    expect(code('a `b` c')).toBe('``a `b` c``')
    expect(code('`edge')).toBe('`` `edge ``')
    expect(code('multi\nline')).toBe('`multi line`')
  })

  it('escapes pipes in table cells, and falls back to <code> for a backslash before a pipe', () => {
    expect(codeCell('instance=~"a|b"')).toBe('`instance=~"a\\|b"`')
    expect(codeCell('x=~"a\\|b"')).toBe('<code>x=&#126;&#34;a&#92;&#124;b&#34;</code>')
    expect(codeCell('')).toBe('')
  })

  it('fences blocks beyond the longest backtick run', () => {
    expect(fence('sum(up)', 'promql')).toBe('```promql\nsum(up)\n```')
    expect(fence('a ```` b')).toBe('`````\na ```` b\n`````')
  })
})

describe('link, table, details, verdictLine', () => {
  it('encodes characters in URLs that would break a link or a table', () => {
    expect(link('Open [graph]', 'https://p.example.com/graph?g0.expr=a|b (c)')).toBe(
      '[Open \\[graph\\]](https://p.example.com/graph?g0.expr=a%7Cb%20%28c%29)',
    )
  })

  it('builds a table, padding short rows and escaping stray pipes and line breaks', () => {
    expect(table(['A', 'B'], [['1', 'x|y'], ['2'], ['a\nb', '`p\\|q`']])).toMatchInlineSnapshot(`
      "| A | B |
      | --- | --- |
      | 1 | x\\|y |
      | 2 |  |
      | a<br>b | \`p\\|q\` |"
    `)
  })

  it('wraps a body in details with an escaped summary', () => {
    expect(details('Queries <all>', 'body')).toBe(
      '<details><summary>Queries &lt;all&gt;</summary>\n\nbody\n\n</details>',
    )
  })

  it('writes a verdict heading with facts and a note', () => {
    expect(verdictLine('✅', 'deploy-gate: stable', ['production', '`abc1234`'], '(dry run)')).toBe(
      '### ✅ deploy-gate: stable · production · `abc1234` (dry run)',
    )
    expect(verdictLine('❌', 'deploy-gate: invalid')).toBe('### ❌ deploy-gate: invalid')
  })
})

describe('sparkline', () => {
  it('maps the range onto eight bars', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█')
  })

  it('draws a constant series as a flat middle bar', () => {
    expect(sparkline([91.2, 91.2, 91.2])).toBe('▄▄▄')
  })

  it('shows NaN, ±Inf and missing points as a dot', () => {
    expect(sparkline([1, Number.NaN, 3, Infinity, -Infinity, 2])).toBe('▁·█··▅')
    expect(sparkline([Number.NaN, Number.NaN])).toBe('··')
    expect(sparkline([])).toBe('')
  })

  it('downsamples to the width keeping each bucket maximum, so a one-point spike survives', () => {
    const values = Array.from({ length: 1000 }, () => 10)
    values[517] = 99
    const line = sparkline(values, { width: 40 })
    expect(line).toHaveLength(40)
    expect(line).toContain('█')
    expect([...line].filter((c) => c === '█')).toHaveLength(1)
    expect(line.replace('█', '')).toBe('▁'.repeat(39))
  })

  it('keeps each bucket minimum when asked, so a dip survives', () => {
    const values = Array.from({ length: 400 }, () => 90)
    values[3] = 10
    const line = sparkline(values, { width: 20, keep: 'min' })
    expect(line).toHaveLength(20)
    expect(line[0]).toBe('▁')
    expect(line.slice(1)).toBe('█'.repeat(19))
  })

  it('shows a bucket with no real value as a dot, and defaults to 40 characters', () => {
    const values = Array.from({ length: 80 }, (_, i) => (i < 2 ? Number.NaN : i))
    const line = sparkline(values)
    expect(line).toHaveLength(40)
    expect(line[0]).toBe('·')
  })
})

describe('sparkline scale includes the threshold and the baseline (issue 15)', () => {
  // The demo's CPU at 37.0 % for four rounds used to be drawn `█▆▄▁` from rounding noise: the scale was min..max.
  it.each([
    ['flat far below the threshold reads flat and low', [37.0, 37.02, 36.98, 37.0], [80], '▁▁▁▁'],
    [
      'creeping towards the threshold reads as a climb that ends near the top',
      [50, 60, 70, 78],
      [80],
      '▁▃▆█',
    ],
    ['crossing the threshold reaches the top', [70, 76, 82, 90], [80], '▁▃▅█'],
    ['a dip towards a minimum keeps the top for the flat part', [100, 100, 60, 55], [50], '██▂▂'],
    ['with a baseline above the values, the scale reaches it', [0.3, 0.31, 0.3], [0.05, 0.6], '▄▄▄'],
    ['with a baseline the values double from, the climb is visible', [0.31, 0.5, 0.84], [1, 0.31], '▁▃▆'],
    ['a constant equal to its threshold is a flat middle bar', [80, 80], [80], '▄▄'],
    ['undefined and non-finite references are ignored', [1, 2, 3], [undefined, Number.NaN, Infinity], '▁▅█'],
  ])('%s', (_name, values, include, expected) => {
    expect(sparkline(values, { include })).toBe(expected)
  })

  it('gives the ends of the scale it drew on', () => {
    expect(sparklineScale([37, 37, 37], [80])).toEqual({ low: 37, high: 80 })
    expect(sparklineScale([0.3, 0.84], [0.31, 1])).toEqual({ low: 0.3, high: 1 })
    expect(sparklineScale([Number.NaN], [undefined])).toBeUndefined()
  })
})

describe('formatValue', () => {
  it.each([
    [96.3, '96.3'],
    [96.34567, '96.35'],
    [0.000764, '0.000764'],
    [0.123456, '0.123'],
    [1.2e9, '1.2e+9'],
    [1_234_567, '1.23e+6'],
    [123_456.7, '123457'],
    [1234.5, '1235'],
    [0, '0'],
    [-3.5, '-3.5'],
    [2.5e-8, '2.5e-8'],
    [Number.NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ])('%s → %s', (n, text) => {
    expect(formatValue(n)).toBe(text)
  })

  it('writes percents with one decimal', () => {
    expect(formatValue(96.3, { percent: true })).toBe('96.3%')
    expect(formatValue(80, { percent: true })).toBe('80.0%')
    expect(formatValue(91.25, { percent: true })).toBe('91.3%')
  })
})

describe('formatDuration', () => {
  it.each([
    [500, '500ms'],
    [2.46, '2.5ms'],
    [1250, '1.25s'],
    [10_000, '10s'],
    [90_000, '1m30s'],
    [120_000, '2m'],
    [3_900_000, '1h5m'],
    [3_605_000, '1h5s'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})

describe('shorten', () => {
  it('cuts with an ellipsis only when needed', () => {
    expect(shorten('abcdef', 6)).toBe('abcdef')
    expect(shorten('abcdefg', 6)).toBe('abcde…')
  })
})
