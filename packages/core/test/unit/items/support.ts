/** Variations of a stored item for the codecs' refusal tests. */
export const without = (item: Record<string, unknown>, name: string): Record<string, unknown> => {
  const copy = { ...item };
  delete copy[name];
  return copy;
};

export const withAttribute = (
  item: Record<string, unknown>,
  name: string,
  value: unknown,
): Record<string, unknown> => ({ ...item, [name]: value });
