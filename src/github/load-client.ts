/**
 * The GitHub client, loaded with Octokit only when a run first needs one: a gate that records nothing, publishes no
 * check run and passes never loads (or parses) Octokit. main.ts hands `githubClients` to the modes as `deps.github`;
 * tests hand in the same, or a client of their own.
 */
import type { GitHubClient, GitHubClientOptions } from './client.ts'

export async function loadGitHubClient(opts: GitHubClientOptions): Promise<GitHubClient> {
  const { createGitHubClient } = await import('./client.ts')
  return createGitHubClient(opts)
}

/**
 * The clients for one token and API: one with the default retries, and one per `retries` asked for, each made on
 * first use and then kept (every write of a run goes through the same client and its rate-limit state).
 */
export function githubClients(
  base: Omit<GitHubClientOptions, 'retry'> & { readonly retry?: GitHubClientOptions['retry'] },
): (options?: { readonly retries?: number }) => Promise<GitHubClient> {
  const clients = new Map<number | undefined, Promise<GitHubClient>>()
  return (options = {}) => {
    let client = clients.get(options.retries)
    if (client === undefined) {
      const retry = options.retries === undefined ? base.retry : { ...base.retry, retries: options.retries }
      client = loadGitHubClient({ ...base, ...(retry === undefined ? {} : { retry }) })
      clients.set(options.retries, client)
    }
    return client
  }
}
