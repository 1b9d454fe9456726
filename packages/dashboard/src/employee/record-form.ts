/**
 * The record form: the activity picker from the catalog, the quantity in the activity's unit,
 * the programs that count the picked activity, an optional time. Each message sits under its
 * field (`aria-invalid`, described by the field), and the first field at fault takes the focus.
 */
import { byId, element, showText } from './dom.ts';
import type { ActivityType, Program } from './employee-client.ts';
import type { RecordFormValues } from './model/record-input.ts';

/** The API's input fields, each with a control `field-<name>` and a message `field-<name>-error`. */
export const recordFields = ['type', 'quantity', 'programId', 'occurredAt'] as const;

const control = (field: string) => byId<HTMLInputElement | HTMLSelectElement>(`field-${field}`);

export class RecordForm {
  private readonly form = byId<HTMLFormElement>('record-form');
  private readonly typeSelect = byId<HTMLSelectElement>('field-type');
  private readonly programSelect = byId<HTMLSelectElement>('field-programId');
  private readonly button = byId<HTMLButtonElement>('record-button');
  private types: readonly ActivityType[] = [];
  private programs: readonly Program[] = [];

  constructor(onSubmit: (values: RecordFormValues) => void) {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      onSubmit(this.values());
    });
    this.typeSelect.addEventListener('change', () => this.showType());
  }

  setCatalog(types: readonly ActivityType[], programs: readonly Program[]): void {
    this.types = types;
    this.programs = programs;
    this.typeSelect.replaceChildren(
      ...types.map((type) => element('option', { text: type.name, attributes: { value: type.type } })),
    );
    this.showType();
  }

  values(): RecordFormValues {
    return {
      type: this.typeSelect.value,
      quantity: control('quantity').value,
      programId: this.programSelect.value,
      occurredAt: control('occurredAt').value,
    };
  }

  busy(busy: boolean): void {
    this.button.disabled = busy;
    this.button.textContent = busy ? 'Recording…' : 'Record';
  }

  /** Messages per field and for the form; the first field at fault is focused. */
  showProblems(fields: Readonly<Record<string, string>>, form: string | undefined): void {
    for (const field of recordFields) {
      const message = fields[field];
      showText(byId(`field-${field}-error`), message);
      if (message) control(field).setAttribute('aria-invalid', 'true');
      else control(field).removeAttribute('aria-invalid');
    }
    showText(byId('record-error'), form);
    const first = recordFields.find((field) => fields[field]);
    if (first) control(first).focus();
  }

  showStatus(text: string): void {
    byId('record-status').textContent = text;
  }

  /** After a recorded activity: the quantity and time are cleared, the activity and program kept. */
  clearAmount(): void {
    control('quantity').value = '';
    control('occurredAt').value = '';
  }

  private showType(): void {
    const type = this.types.find((candidate) => candidate.type === this.typeSelect.value);
    byId('field-quantity-unit').textContent = type ? `(${type.unit})` : '';
    byId('field-type-hint').textContent = type
      ? `${type.pointsRule}, at most ${type.maxPointsPerDay} points a day`
      : '';
    byId('field-quantity-hint').textContent = type
      ? `Up to ${type.maxQuantityPerActivity.toLocaleString('en')} ${type.unit} at a time`
      : '';
    const chosen = this.programSelect.value;
    const counting = this.programs.filter((program) => type && program.activityTypes.includes(type.type));
    this.programSelect.replaceChildren(
      element('option', { text: 'None', attributes: { value: '' } }),
      ...counting.map((program) =>
        element('option', { text: program.name, attributes: { value: program.id } }),
      ),
    );
    this.programSelect.value = counting.some((program) => program.id === chosen) ? chosen : '';
  }
}
