import { editorMessages, type EditorMessages } from "../../src/messages/editor.ts";

/**
 * Progress of a long run on stderr: count, rate and time left, redrawn at most ten times
 * a second. Silent under CI=true or when nothing is a terminal, except a final line.
 */
export function progressReporter(label: string, quiet: boolean, say: EditorMessages = editorMessages("fr")) {
  const started = performance.now();
  let last = 0;
  let lastCount = 0;
  let lastTotal = 0;
  const interactive = !quiet && process.stderr.isTTY === true;
  const line = (done: number, total: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    const left = rate > 0 ? (total - done) / rate : 0;
    return say.progress(label, done, total, rate.toFixed(1), left < 1 ? "<1" : String(Math.round(left)));
  };
  return {
    update(done: number, total: number) {
      lastCount = done;
      lastTotal = total;
      if (!interactive) return;
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      process.stderr.write(`\r${line(done, total)}\x1b[K`);
    },
    done() {
      if (interactive) process.stderr.write("\n");
      else if (!quiet && lastTotal > 20) process.stderr.write(`${line(lastCount, lastTotal)}\n`);
    },
  };
}
