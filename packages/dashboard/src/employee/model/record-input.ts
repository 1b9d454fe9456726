/**
 * The record form's values as `RecordActivityInput`. Only what the API cannot be sent is checked
 * here (an empty or non-numeric quantity, an unreadable time); everything else, the catalog's
 * limits among it, is the API's to judge, and its messages are shown next to the fields.
 */

export interface RecordFormValues {
  readonly type: string;
  /** The number field's text. */
  readonly quantity: string;
  /** '' for none. */
  readonly programId: string;
  /** A `datetime-local` value in the browser's time zone, '' for now. */
  readonly occurredAt: string;
}

export interface RecordActivityValues {
  readonly idempotencyKey: string;
  readonly type: string;
  readonly quantity: number;
  readonly programId?: string;
  readonly occurredAt?: string;
}

export type RecordInputOutcome =
  | { readonly ok: true; readonly input: RecordActivityValues }
  | { readonly ok: false; readonly fields: Readonly<Record<string, string>> };

export function recordInputOf(values: RecordFormValues, idempotencyKey: string): RecordInputOutcome {
  const fields: Record<string, string> = {};
  if (values.type === '') fields['type'] = 'Choose an activity.';
  const quantity = values.quantity.trim() === '' ? Number.NaN : Number(values.quantity);
  if (!Number.isFinite(quantity)) fields['quantity'] = 'Enter how much, as a number.';
  let occurredAt: string | undefined;
  if (values.occurredAt !== '') {
    const when = new Date(values.occurredAt);
    if (Number.isNaN(when.getTime()))
      fields['occurredAt'] = 'Enter a date and time, or leave it empty for now.';
    else occurredAt = when.toISOString();
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    input: {
      idempotencyKey,
      type: values.type,
      quantity,
      ...(values.programId ? { programId: values.programId } : {}),
      ...(occurredAt ? { occurredAt } : {}),
    },
  };
}
