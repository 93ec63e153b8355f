/** Runs rollback mode. */
import type { RollbackSettings } from '../config/settings.ts'
import type { ModeOutcome } from '../main.ts'

export function runRollbackMode(_settings: RollbackSettings): Promise<ModeOutcome> {
  return Promise.resolve({ failure: 'rollback mode is not built yet in this version of deploy-gate' })
}
