// "Show N more" takes focus to the first of the rows it brought, for a keyboard user to carry on
// from there (and because the button itself goes once the last page is shown, WCAG 2.4.3). Rows are
// drawn a few at a time, so the row is waited for, a frame at a time, for up to about two seconds.

/** Focuses what `find` returns as soon as it is on the page; false if it never came. */
export async function focusWhenShown(find: () => HTMLElement | null, frames = 120): Promise<boolean> {
  for (let i = 0; i < frames; i++) {
    const el = find();
    if (el) {
      el.focus();
      return true;
    }
    await new Promise((r) => requestAnimationFrame(() => r(null)));
  }
  return false;
}
