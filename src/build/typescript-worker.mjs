// A worker process whose module is TypeScript, started without the build's loader (a child
// process is given none of its parent's Node options): registers tsx's, then runs the module
// its first argument names. Precompiled scripts start a compiled module instead (fork-worker.ts).
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
await import(pathToFileURL(process.argv[2]).href);
