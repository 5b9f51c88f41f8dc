/** The error a call throws (or undefined), to look at fields thenThrows does not check. */
export const thrown = (call: () => unknown): unknown => {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
};
