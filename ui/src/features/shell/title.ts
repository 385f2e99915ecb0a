// The window title names the page, and starts "Error:" while a form has problems (GOV.UK pattern),
// so the title a screen reader announces says where you are and whether something needs fixing.

export const APP_NAME = "Compact Directory";

export function titleText(page: string, error = false): string {
  return `${error ? "Error: " : ""}${page} – ${APP_NAME}`;
}

export function pageTitle(page: string, error = false): void {
  if (typeof document !== "undefined") document.title = titleText(page, error);
}
