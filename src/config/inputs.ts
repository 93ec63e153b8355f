/** The only reader of INPUT_*: every input read once, as the runner passed it. */
import { getInput as readInput } from '@actions/core'
import { Inputs, type InputName } from '../constants.ts'

export type RawInputs = Readonly<Record<InputName, string>>

export function readInputs(getInput: (name: string) => string = (name) => readInput(name)): RawInputs {
  return Object.fromEntries(Object.values(Inputs).map((name) => [name, getInput(name).trim()])) as RawInputs
}
