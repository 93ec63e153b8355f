/**
 * The one reader of `prometheus.ca-file`, shared by the HTTP prober and the Prometheus client: Node's default roots
 * plus the PEM certificates in the file.
 */

import { readFileSync } from 'node:fs'
import { rootCertificates } from 'node:tls'

/** Throws, naming the file, when it cannot be read or holds no PEM certificate: a configuration problem. */
export function trustedCas(path: string): string[] {
  let pem: string
  try {
    pem = readFileSync(path, 'utf8')
  } catch (err) {
    throw new Error(`cannot read ca-file ${path}: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    })
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw new Error(`ca-file ${path} holds no PEM certificate`)
  return [...rootCertificates, pem]
}
