/**
 * For the `default` of a switch that must list every case of a vocabulary (a union of names):
 * with every case handled the value's type is `never`, so a new name is a compile error there
 * instead of silently taking some other case's branch.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
