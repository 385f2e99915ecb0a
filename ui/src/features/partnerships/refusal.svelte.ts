// What a refused save leaves on a form: a message beside each field, the error summary's items,
// and a counter so the summary takes focus again on every refusal. Everything typed stays.
import type { AppError } from "../../ipc/types";
import { formProblems } from "./model";

export class Refusal {
  byId: Record<string, string> = $state({});
  items: { id: string | null; message: string }[] = $state([]);
  message = $state("");
  attempt = $state(0);

  /** `known`: the form's fields, in the order they appear on it (the error summary's order). */
  constructor(
    private prefix: string,
    private known: readonly string[],
  ) {}

  /** Shows a rejection from Rust: field problems beside their inputs, anything else as a sentence. */
  refuse(e: unknown) {
    const ae = e as AppError;
    const p = formProblems(this.prefix, ae.code === "invalid" ? ae.fields : [], this.known);
    this.byId = p.byId;
    this.items = p.items;
    this.message = p.items.length ? "" : ae.message;
    this.attempt++;
  }

  /** Problems found before asking Rust (a threshold that is not a number). */
  local(problems: { field: string; message: string }[]) {
    this.refuse({ code: "invalid", message: "", fields: problems });
  }

  /** Takes the problems away once what they were about has gone (a field no longer asked for). */
  clear() {
    this.byId = {};
    this.items = [];
    this.message = "";
  }

  get shown(): boolean {
    return this.items.length > 0 || this.message !== "";
  }

  err = (id: string): string => this.byId[id] ?? "";
  invalid = (id: string): "true" | undefined => (this.byId[id] ? "true" : undefined);
  describedBy = (id: string, hint = false): string | undefined =>
    [hint ? `${id}-hint` : "", this.byId[id] ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}
