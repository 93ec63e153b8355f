/** The runner's environment, read from `process.env` only in index.ts and main.ts and passed in from there. */
export type Env = Readonly<Record<string, string | undefined>>
