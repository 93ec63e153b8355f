/** A path into the config file (`http[0].url`) and its one written form, for problems and report sources. */

export type ConfigPath = readonly (string | number)[]

export function formatPath(path: ConfigPath): string {
  return path.reduce<string>(
    (out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg),
    '',
  )
}
