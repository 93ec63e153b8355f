/**
 * `npm run lint`'s check of the GitHub Actions files: each workflow (.github/workflows/, and the example workflows in
 * examples/) against SchemaStore's JSON schema for workflows, action.yml against its schema for action metadata.
 * Offline: the schemas are a copy in third_party/schemastore/ (its README says from where, and why not
 * @action-validator/cli).
 *
 *   node scripts/lint-workflows.ts [FILE...]     default: every file above; exits 1 naming each problem and its path
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { parseDocument } from 'yaml'

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
const SCHEMA_DIR = join(REPO_ROOT, 'third_party', 'schemastore')

export type FileKind = 'workflow' | 'action'

export interface LintProblem {
  /** Relative to the repository. */
  readonly file: string
  readonly message: string
}

let validators: Record<FileKind, ValidateFunction> | undefined

function validatorsOnce(): Record<FileKind, ValidateFunction> {
  if (validators) return validators
  // SchemaStore's schemas are draft-07 with keywords strict mode refuses (e.g. `markdownDescription`).
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormatsModule.default(ajv)
  const load = (name: string): ValidateFunction =>
    ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as object)
  validators = { workflow: load('github-workflow.json'), action: load('github-action.json') }
  return validators
}

/** `action.yml` / `action.yaml` is action metadata; every other file is a workflow. */
export function kindOf(file: string): FileKind {
  return /^action\.ya?ml$/.test(basename(file)) ? 'action' : 'workflow'
}

/** The files `npm run lint` checks: .github/workflows/*, action.yml, and examples/*.yml that have `jobs:`. */
export function actionsFiles(root: string = REPO_ROOT): string[] {
  const yamlIn = (dir: string): string[] =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
          .map((f) => join(dir, f))
      : []
  const examples = yamlIn('examples').filter((f) => /^jobs:/m.test(readFileSync(join(root, f), 'utf8')))
  return [
    ...yamlIn(join('.github', 'workflows')),
    ...(existsSync(join(root, 'action.yml')) ? ['action.yml'] : []),
    ...examples,
  ]
}

function describe(error: ErrorObject): string {
  const at = error.instancePath === '' ? '/' : error.instancePath
  const params = error.params as Record<string, unknown>
  const detail =
    typeof params['additionalProperty'] === 'string'
      ? `: ${params['additionalProperty']}`
      : Array.isArray(params['allowedValues'])
        ? `: ${(params['allowedValues'] as unknown[]).join(', ')}`
        : ''
  return `${at} ${error.message ?? 'is invalid'}${detail}`
}

/** The problems of one file's text (YAML syntax first, then the schema). */
export function lintText(text: string, kind: FileKind, file: string): LintProblem[] {
  const doc = parseDocument(text)
  if (doc.errors.length > 0) return doc.errors.map((e) => ({ file, message: `YAML: ${e.message}` }))
  const validate = validatorsOnce()[kind]
  if (validate(doc.toJS())) return []
  const messages = [...new Set((validate.errors ?? []).map(describe))]
  return messages.map((message) => ({ file, message: `${kind} schema: ${message}` }))
}

export function lintFiles(
  files: readonly string[] = actionsFiles(),
  root: string = REPO_ROOT,
): LintProblem[] {
  return files.flatMap((file) => {
    const path = join(root, file)
    return lintText(readFileSync(path, 'utf8'), kindOf(file), relative(root, path))
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const files =
    args.length > 0 ? args.map((f) => relative(REPO_ROOT, join(process.cwd(), f))) : actionsFiles()
  const problems = lintFiles(files)
  for (const p of problems) console.error(`${p.file}: ${p.message}`)
  if (problems.length > 0) process.exit(1)
  console.log(`GitHub Actions files valid: ${files.join(', ')}`)
}
