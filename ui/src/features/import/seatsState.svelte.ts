// The seats import's state, kept for the life of the window as the groups wizard's is: going to
// Partnerships to look at what was imported and coming back finds the summary and its Undo button.
import type { SeatImportSummary } from "../../ipc/importTypes";
import type { SeatProblem } from "./seats";

export const seatsImport = $state({
  path: "",
  /** A refusal of the file as a whole (or of its path), shown beside the path. */
  fileError: "",
  /** A refused file's rows' problems, and its name for their heading. */
  problems: [] as SeatProblem[],
  refusedFile: "",
  /** The saved import, and its file's name. */
  summary: null as SeatImportSummary | null,
  importedFile: "",
  /** What Undo took back, in words, once it has. */
  undone: "",
});
