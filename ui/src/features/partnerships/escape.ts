// Escape closes a form opened in place (its Cancel button does the same), as a dialog would.
export function escapeCloses(node: HTMLElement, close: () => void) {
  let fn = close;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      fn();
    }
  };
  node.addEventListener("keydown", onKey);
  return {
    update(next: () => void) {
      fn = next;
    },
    destroy() {
      node.removeEventListener("keydown", onKey);
    },
  };
}
