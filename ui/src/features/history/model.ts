// The audit trail in words: when (in the user's time), and what each row did.
import type { AuditEntry, BackupFile } from "../../ipc/types";

/** "23 Nov 2026, 14:05" in the computer's time zone, from the trail's UTC time; with `seconds`,
 * "23 Nov 2026, 14:05:12". */
export function whenInWords(at: string, timeZone?: string, seconds = false): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return d.toLocaleString("en-GB", {
    day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), timeZone,
  });
}

/** What the row did, for its "What" cell. */
export function whatWords(e: AuditEntry): string {
  const prefix = e.undoes !== null ? "Undo: " : "";
  switch (e.action) {
    case "created":
      return `${prefix}Added ${e.what}`;
    case "deleted":
      return `${prefix}Taken away ${e.what}`;
    case "erased":
      return e.what;
    default:
      return `${prefix}${e.what}`;
  }
}

/** One sentence for the Undo button's name and the notice after it. */
export function describe(e: AuditEntry): string {
  if (e.action === "changed") return `${e.what} from “${e.before}” to “${e.after}”`;
  return whatWords(e);
}

/** "Daily", "Before an import", … for a backup's reason as its file name gives it. */
export function reasonWords(reason: string): string {
  const words: Record<string, string> = {
    daily: "Daily",
    "on-request": "Taken on request",
    "before-import": "Before an import",
    "before-merge": "Before merging duplicates",
    "before-migration": "Before an upgrade",
    "before-restore": "Before a restore",
  };
  return words[reason] ?? reason.replace(/-/g, " ");
}

/** A backup's time ("20261123T140512.345", UTC) in words, in the computer's time zone, to the
 * second: two backups taken in one minute (an import, then another) must not look alike. */
export function takenInWords(taken: string, timeZone?: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/.exec(taken);
  if (!m) return taken;
  return whenInWords(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`, timeZone, true);
}

/** Why a backup was taken, naming the import's file when the directory's records say which
 * import a before-import backup came before: "Before the import of grants.csv". */
export function backupWhyWords(b: BackupFile): string {
  return b.reason === "before-import" && b.import_file ? `Before the import of ${b.import_file}` : reasonWords(b.reason);
}
