// A build guard: the app runs offline inside the Tauri window under a strict CSP, so nothing may be
// fetched from or linked to a remote URL (no CDN scripts, no web fonts, no remote stylesheets or
// images). The build fails, naming the file, if any source tries.
import type { Plugin } from "vite";

const REMOTE = /^(https?:)?\/\//i;
// Places where a remote URL would be loaded: CSS url()/@import, and HTML src/href attributes.
const CSS_REMOTE = /(?:url\(\s*['"]?|@import\s+['"])(?:https?:)?\/\//i;
const HTML_REMOTE = /<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*['"]?(?:https?:)?\/\//i;

export function remoteReferences(code: string, kind: "css" | "html"): boolean {
  return (kind === "css" ? CSS_REMOTE : HTML_REMOTE).test(code);
}

export function localOnly(): Plugin {
  return {
    name: "compact-directory:local-only",
    enforce: "pre",
    resolveId(source, importer) {
      if (REMOTE.test(source)) {
        this.error(`${importer ?? "a module"} imports ${source}: the app must not load anything from the internet.`);
      }
      return null;
    },
    transform(code, id) {
      const path = id.split("?")[0];
      const isCss = /\.(css|scss|sass|less)$/.test(path) || /[?&]lang\.css/.test(id) || /type=style/.test(id);
      if (isCss && remoteReferences(code, "css")) {
        this.error(`${path} refers to a remote URL in CSS (a web font or stylesheet?): bundle it locally instead.`);
      }
      return null;
    },
    transformIndexHtml(html) {
      if (remoteReferences(html, "html")) throw new Error("index.html loads something from a remote URL: bundle it locally instead.");
      return html;
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === "asset" && file.fileName.endsWith(".css") && remoteReferences(String(file.source), "css")) {
          this.error(`${file.fileName} refers to a remote URL: bundle it locally instead.`);
        }
      }
    },
  };
}
