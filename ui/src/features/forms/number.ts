/** A whole number as typed in a number field ("90", " 12 "), or null when it is not one ("-3",
 * "1.5", "ninety"), so the field can say so before anything is sent. */
export function wholeNumber(text: string | number): number | null {
  const t = String(text).trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}
