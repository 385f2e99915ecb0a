import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { localOnly } from "./tools/local-only";

// The build is embedded in the Tauri binary: relative paths, and nothing from remote URLs (the
// local-only guard fails the build if a source tries). No dev server is used by the app.
export default defineConfig({
  base: "./",
  plugins: [localOnly(), svelte()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  test: { include: ["src/**/*.test.ts", "tools/**/*.test.ts"] },
});
