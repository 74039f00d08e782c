// Extraction workers are child processes started without tsx's loader: register it, then run the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./extract-worker.ts");
