/** `toStringSet`, `toNumberSet` and `toBinarySet`: lists as DynamoDB set attribute values. */
import { type Json, list } from './input.ts';

export const toStringSet = (values: unknown): Json => ({ SS: list(values, 'toStringSet input').map(String) });
export const toNumberSet = (values: unknown): Json => ({ NS: [...list(values, 'toNumberSet input')] });
export const toBinarySet = (values: unknown): Json => ({ BS: [...list(values, 'toBinarySet input')] });
