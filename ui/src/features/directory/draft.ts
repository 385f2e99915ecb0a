// What was typed into a group's form and not saved, kept when the form is left some other way than
// Save or Cancel (the menu, a search result, Ctrl+K): coming back to the same form finds it as it
// was left, with a way to discard it. One draft at a time, for the window's life only.
import type { GroupInput } from "../../ipc/types";
import type { IdentifierRow } from "./model";

export interface GroupDraft {
  form: GroupInput;
  otherNames: string;
  idRows: IdentifierRow[];
  lastChecked: string;
}

let kept: { key: string; draft: GroupDraft } | null = null;

/** The form a draft belongs to: a new group, or the group being edited. */
export const draftKey = (id: number | null): string => (id === null ? "new" : `group-${id}`);

/** Keeps `draft` for the form `key`, unless it is just what the form opened with (then another
 *  form's draft, if one is kept, stays). */
export function keepDraft(key: string, draft: GroupDraft, opened: GroupDraft): void {
  if (JSON.stringify(draft) !== JSON.stringify(opened)) kept = { key, draft };
}

/** The draft kept for the form `key`, taken (so it is offered once). */
export function takeDraft(key: string): GroupDraft | null {
  if (kept?.key !== key) return null;
  const { draft } = kept;
  kept = null;
  return draft;
}

/** Forgets any draft (after a save, or Cancel). */
export function dropDraft(): void {
  kept = null;
}
