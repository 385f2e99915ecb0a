// The wizard's state, kept for the life of the window rather than the page: going to the
// directory to look at what was imported and coming back finds the summary and its undo button.
import type { Choices, ImportCheck, ImportPreview, ImportSummary } from "../../ipc/importTypes";
import type { Step } from "./model";

export const wizard = $state({
  step: 1 as Step,
  path: "",
  preview: null as ImportPreview | null,
  /** For each column of the file, the field it fills ("" when not imported). */
  selections: [] as string[],
  check: null as ImportCheck | null,
  choices: { on_match: "skip", rows: {} } as Choices,
  summary: null as ImportSummary | null,
  undone: "",
});

/** Back to step 1 with nothing chosen, for the next file. */
export function startAgain(): void {
  wizard.step = 1;
  wizard.preview = null;
  wizard.selections = [];
  wizard.check = null;
  wizard.choices = { on_match: "skip", rows: {} };
  wizard.summary = null;
  wizard.undone = "";
}
