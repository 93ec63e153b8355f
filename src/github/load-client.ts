/**
 * The GitHub client, loaded with Octokit only when a run first needs one: a gate that records nothing, publishes no
 * check run and passes never loads (or parses) Octokit. Modes call this; tests pass a client of their own.
 */
import type { GitHubClient, GitHubClientOptions } from './client.ts'

export async function loadGitHubClient(opts: GitHubClientOptions): Promise<GitHubClient> {
  const { createGitHubClient } = await import('./client.ts')
  return createGitHubClient(opts)
}
