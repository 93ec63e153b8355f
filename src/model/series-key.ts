/** The identity of a Prometheus series. */

/**
 * A series' full label set, order-independent: names in order, NUL-separated (a name or value that holds a NUL is
 * JSON-quoted, so no two label sets share a key). Prometheus writes labels sorted, so the sort is usually skipped;
 * this runs for every series of every round.
 */
export function seriesKey(labels: Readonly<Record<string, string>>): string {
  const names = Object.keys(labels)
  for (let i = 1; i < names.length; i++) {
    if (names[i - 1]! > names[i]!) {
      names.sort()
      break
    }
  }
  let key = ''
  for (const name of names) {
    const value = labels[name] ?? ''
    key +=
      name.includes('\u0000') || value.includes('\u0000')
        ? JSON.stringify([name, value])
        : `${name}\u0000${value}\u0000`
  }
  return key
}
