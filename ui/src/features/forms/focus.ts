// Moving to a field from the error summary, as GOV.UK's script does: focus the input itself (the
// first input of a fieldset, for radios and checkbox lists) and scroll so its label or legend shows.

import { tick } from "svelte";

const INPUTS = "input, select, textarea";

/** Focuses the field with this id; false when there is no such element on the page. */
export function focusField(id: string, doc: Document = document): boolean {
  const el = doc.getElementById(id);
  if (!el) return false;
  const input = el.matches(INPUTS) ? el : el.querySelector<HTMLElement>(INPUTS);
  const caption = el.tagName === "FIELDSET" ? el.querySelector("legend") : doc.querySelector(`label[for="${CSS.escape(id)}"]`);
  (caption ?? el).scrollIntoView({ block: "start" });
  (input ?? el).focus({ preventScroll: true });
  return true;
}

/** Focuses the element with this id once the page has caught up with a change: a refused field
 *  (whose description then reads the problem out), or what took the place of a control that went. */
export async function focusSoon(id: string, doc: Document = document): Promise<void> {
  await tick();
  doc.getElementById(id)?.focus();
}
