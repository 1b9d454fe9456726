/**
 * Validation of `recordActivity` input. Bundled into APPSYNC_JS resolvers: no `throw`, so
 * every check returns an `Outcome` whose error carries the API error type and the field.
 * Dates arrive as epoch milliseconds because APPSYNC_JS parses them with `util.time`.
 */
import { findActivityDefinition, activityCatalog, type ActivityDefinition, unitDecimals } from './catalog.ts';
import { maxProgramIdLength } from './boards.ts';
import type { ServiceConfig } from './config.ts';
import { errorOfInput, errorTypes, fail, succeed, type Outcome } from './errors.ts';
import { isIdentifier, isKeyText } from './identifiers.ts';
import { pointsFor } from './scoring.ts';

export type ValidationLimits = Pick<
  ServiceConfig,
  'maxActivityAgeDays' | 'maxClockSkewSeconds' | 'maxStringLength' | 'maxActivitiesPerCall'
>;

/** The fields `RecordActivityInput` has; anything else did not come through the schema. */
const inputFields = ['idempotencyKey', 'type', 'quantity', 'programId', 'occurredAt'];

export interface ValidActivity {
  readonly definition: ActivityDefinition;
  readonly quantity: number;
  /** Points before the daily cap. */
  readonly points: number;
  readonly programId: string | null;
  readonly idempotencyKey: string | null;
  readonly occurredAtMs: number;
}

export interface ActivityClock {
  readonly nowMs: number;
  /** Parsed `occurredAt`; null when the client left it out (then it is now). */
  readonly occurredAtMs: number | null;
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && value === value && value !== Infinity && value !== -Infinity;

/** 10 to the power of a unit's decimals (APPSYNC_JS lacks `**`). */
const decimalScales = [1, 10, 100, 1000];

/** What binary floating point may add to a decimal quantity (0.1 + 0.2 = 0.30000000000000004). */
const floatTolerance = 1e-9;

/**
 * A positive quantity, at most the activity's maximum, in whole steps of its unit (at least one):
 * 1e-131 km is not an activity, and DynamoDB could not even store it. Returns the quantity
 * rounded to its unit, so float noise is not stored.
 */
function validQuantity(quantity: unknown, definition: ActivityDefinition): Outcome<number> {
  const unit = definition.unit;
  if (!isFiniteNumber(quantity) || quantity <= 0) {
    return fail(errorTypes.validation, `quantity must be a positive number of ${unit}.`, 'quantity');
  }
  if (quantity > definition.maxQuantityPerActivity) {
    return fail(
      errorTypes.validation,
      `quantity ${quantity} is more than the ${definition.maxQuantityPerActivity} ${unit} one ${definition.type} activity may record.`,
      'quantity',
    );
  }
  const decimals = unitDecimals[unit];
  const scale = decimalScales[decimals] as number;
  const scaled = quantity * scale;
  if (scaled < 1 - floatTolerance) {
    return fail(errorTypes.validation, `quantity must be at least ${1 / scale} ${unit}.`, 'quantity');
  }
  const steps = Math.round(scaled);
  if (Math.abs(scaled - steps) > floatTolerance) {
    const rule =
      decimals === 0
        ? `a whole number of ${unit}`
        : `${unit} with at most ${decimals} ${decimals === 1 ? 'decimal' : 'decimals'}`;
    return fail(errorTypes.validation, `quantity must be ${rule}.`, 'quantity');
  }
  return succeed(steps / scale);
}

/** Shows at most a short prefix of what the client sent: errors must stay small. */
const quoted = (text: string): string => (text.length > 40 ? `'${text.slice(0, 40)}...'` : `'${text}'`);

export function validateRecordActivity(
  input: Readonly<Record<string, unknown>>,
  clock: ActivityClock,
  limits: ValidationLimits,
): Outcome<ValidActivity> {
  for (const field of Object.keys(input)) {
    if (inputFields.indexOf(field) < 0) {
      const hint = field === 'userId' ? ': the user is the caller, taken from the token' : '';
      return fail(errorTypes.validation, `Unknown input field ${quoted(field)}${hint}.`, field);
    }
  }

  const type = input['type'];
  if (typeof type !== 'string' || type.length === 0 || type.length > limits.maxStringLength) {
    return fail(
      errorTypes.validation,
      `type must be a non-empty string of at most ${limits.maxStringLength} characters.`,
      'type',
    );
  }
  const definition = findActivityDefinition(type);
  if (definition === null) {
    const known: string[] = [];
    for (const entry of activityCatalog) known.push(entry.type);
    return fail(
      errorTypes.validation,
      `Unknown activity type ${quoted(type)}. Known types: ${known.join(', ')}.`,
      'type',
    );
  }

  const quantityOutcome = validQuantity(input['quantity'], definition);
  if (!quantityOutcome.ok) return quantityOutcome;
  const quantity = quantityOutcome.value;

  const idempotencyKey = input['idempotencyKey'];
  if (idempotencyKey !== undefined && idempotencyKey !== null) {
    if (typeof idempotencyKey !== 'string' || !isKeyText(idempotencyKey, limits.maxStringLength)) {
      return fail(
        errorTypes.validation,
        `idempotencyKey must be 1 to ${limits.maxStringLength} letters, digits, '-', '_', '.' or ':'.`,
        'idempotencyKey',
      );
    }
  }

  const programId = input['programId'];
  if (programId !== undefined && programId !== null) {
    if (typeof programId !== 'string' || !isIdentifier(programId, maxProgramIdLength)) {
      return fail(
        errorTypes.validation,
        `programId must be 1 to ${maxProgramIdLength} letters, digits, '-' or '_'.`,
        'programId',
      );
    }
  }

  const occurredAtMs = clock.occurredAtMs === null ? clock.nowMs : clock.occurredAtMs;
  if (!isFiniteNumber(occurredAtMs)) {
    return fail(errorTypes.validation, 'occurredAt must be an ISO 8601 date-time.', 'occurredAt');
  }
  if (occurredAtMs > clock.nowMs + limits.maxClockSkewSeconds * 1000) {
    return fail(errorTypes.validation, 'occurredAt is in the future.', 'occurredAt');
  }
  if (occurredAtMs < clock.nowMs - limits.maxActivityAgeDays * 86_400_000) {
    return fail(
      errorTypes.validation,
      `occurredAt is more than ${limits.maxActivityAgeDays} days ago; older activities cannot be recorded.`,
      'occurredAt',
    );
  }

  return succeed({
    definition,
    quantity,
    points: pointsFor(definition, quantity),
    programId: typeof programId === 'string' ? programId : null,
    idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : null,
    occurredAtMs,
  });
}

/**
 * A `recordActivities` call: 1 to `maxActivitiesPerCall` inputs, each valid as `recordActivity`'s,
 * and no idempotency key twice (one key is one activity). An error names the input by its index.
 */
export function validateRecordActivities(
  inputs: ReadonlyArray<Readonly<Record<string, unknown>>>,
  clocks: readonly ActivityClock[],
  limits: ValidationLimits,
): Outcome<ValidActivity[]> {
  if (inputs.length === 0 || inputs.length > limits.maxActivitiesPerCall) {
    return fail(
      errorTypes.validation,
      `inputs must hold 1 to ${limits.maxActivitiesPerCall} activities; record more in further calls.`,
      'inputs',
    );
  }
  const valid: ValidActivity[] = [];
  const keys: Record<string, number> = {};
  for (const input of inputs) {
    const index = valid.length;
    const outcome = validateRecordActivity(input, clocks[index] as ActivityClock, limits);
    if (!outcome.ok) return { ok: false, error: errorOfInput(index, outcome.error) };
    const key = outcome.value.idempotencyKey;
    if (key !== null && keys[key] !== undefined) {
      return fail(
        errorTypes.validation,
        `inputs[${index}]: idempotencyKey ${quoted(key)} is also the key of inputs[${keys[key]}]; one key records one activity.`,
        `inputs[${index}].idempotencyKey`,
      );
    }
    if (key !== null) keys[key] = index;
    valid.push(outcome.value);
  }
  return succeed(valid);
}
