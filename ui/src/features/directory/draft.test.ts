import { describe, expect, it } from "vitest";
import { draftKey, dropDraft, keepDraft, takeDraft, type GroupDraft } from "./draft";
import type { GroupInput } from "../../ipc/types";

const draft = (name: string): GroupDraft => ({
  form: { name } as GroupInput,
  otherNames: "",
  idRows: [],
  lastChecked: "",
});

describe("a group form's unsaved draft", () => {
  it("is kept for its own form, offered once, and not kept when nothing was typed", () => {
    keepDraft(draftKey(null), draft("Seedley Parents"), draft(""));
    expect(takeDraft(draftKey(7))).toBeNull();
    expect(takeDraft(draftKey(null))?.form.name).toBe("Seedley Parents");
    expect(takeDraft(draftKey(null))).toBeNull();

    keepDraft(draftKey(7), draft("Old name"), draft("Old name"));
    expect(takeDraft(draftKey(7))).toBeNull();

    // Another group's form opened and left untouched does not lose the new group's draft.
    keepDraft(draftKey(null), draft("Seedley Parents"), draft(""));
    keepDraft(draftKey(7), draft("Old name"), draft("Old name"));
    expect(takeDraft(draftKey(null))?.form.name).toBe("Seedley Parents");

    keepDraft(draftKey(7), draft("New name"), draft("Old name"));
    dropDraft();
    expect(takeDraft(draftKey(7))).toBeNull();
  });
});
