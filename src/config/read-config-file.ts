/**
 * Reads the `config` file the way a hostile pull request cannot abuse (SPEC §2): the path must resolve, after
 * symlinks, to a regular file inside `GITHUB_WORKSPACE`, of at most 1 MiB, read with a bound. Anything else is a
 * `ConfigFileError` whose message names what is wrong and quotes nothing of the file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs'
import path from 'node:path'

export const CONFIG_MAX_BYTES = 1024 * 1024

/** A `config` file that may not be read; the message is safe to print (no file content). */
export class ConfigFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigFileError'
  }
}

/**
 * The text of the config file `configPath` (relative paths from `workspace`). The workspace is realpath'ed too,
 * so a workspace under a symlinked directory still works.
 */
export function readConfigFile(configPath: string, workspace: string): string {
  const root = realpath(workspace, `the workspace ${workspace} does not exist`)
  const wanted = path.resolve(root, configPath)
  const real = realpath(wanted, `file not found: ${configPath}`)
  const rel = path.relative(root, real)
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new ConfigFileError(`${configPath} resolves to a path outside the workspace (GITHUB_WORKSPACE)`)
  }
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO must not hang; O_NOFOLLOW: the resolved path may not be swapped for a link.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW)
  } catch (err) {
    throw new ConfigFileError(`cannot open ${configPath} (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) throw new ConfigFileError(`${configPath} is a directory, not a file`)
    if (!stat.isFile())
      throw new ConfigFileError(`${configPath} is not a regular file (a device, FIFO or socket)`)
    if (stat.size > CONFIG_MAX_BYTES) throw tooLarge(configPath)
    // Read at most one byte more than allowed, whatever fstat said: a file that grows is still bounded.
    const buffer = Buffer.alloc(CONFIG_MAX_BYTES + 1)
    let length = 0
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
      if (length > CONFIG_MAX_BYTES) throw tooLarge(configPath)
    }
    return buffer.subarray(0, length).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

function tooLarge(configPath: string): ConfigFileError {
  return new ConfigFileError(`${configPath} is larger than ${CONFIG_MAX_BYTES / 1024 / 1024} MiB`)
}

function realpath(p: string, notFound: string): string {
  try {
    return realpathSync(p)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new ConfigFileError(code === 'ENOENT' ? notFound : `cannot resolve ${p} (${code ?? 'error'})`)
  }
}
