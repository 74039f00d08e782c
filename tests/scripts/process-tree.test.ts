import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { describe, it } from "node:test";
import { listProcesses, processTree, type ProcessInfo } from "../../scripts/lib/process-tree.ts";
import { formatTable } from "../../scripts/lib/table.ts";

describe("the benches' process tree", () => {
  it("lists this process with its parent, its memory and its processor time", () => {
    const self = listProcesses().find((p) => p.pid === process.pid);
    assert.ok(self);
    assert.equal(self.ppid, process.ppid);
    // Within a few pages of what Node counts.
    assert.ok(Math.abs(self.rssMb - process.memoryUsage().rss / 1024 / 1024) < 16, `${self.rssMb} MB`);
    assert.ok(self.cpuMs >= 0);
  });

  it("finds a child and its own child below this process, and no other process", async () => {
    const child = spawn(process.execPath, ["-e", "require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 3000)'], { stdio: 'ignore' }); console.log('started')"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      await new Promise((resolve) => child.stdout.once("data", resolve));
      // The grandchild is spawned before the child prints; /proc has it once spawn returned.
      const tree = processTree(process.pid, listProcesses());
      assert.ok(tree.some((p) => p.pid === child.pid), "the child");
      assert.ok(tree.some((p) => p.ppid === child.pid), "the child's child");
      assert.ok(tree.every((p) => p.pid === process.pid || tree.some((q) => q.pid === p.ppid)), "only descendants");
    } finally {
      child.kill();
    }
  });

  it("follows parents through a list of processes", () => {
    const p = (pid: number, ppid: number): ProcessInfo => ({ pid, ppid, name: "node", rssMb: 1, cpuMs: 0 });
    const processes = [p(1, 0), p(10, 1), p(11, 10), p(12, 11), p(20, 1), p(21, 20)];
    assert.deepEqual(processTree(10, processes).map((q) => q.pid).sort(), [10, 11, 12]);
  });
});

describe("the benches' tables", () => {
  it("right-aligns each column to its widest cell under a ruled header", () => {
    assert.equal(formatTable(["n", "seconds"], [["1000", "8.0"], ["10000", "32.9"]]), ["    n  seconds", "-----  -------", " 1000      8.0", "10000     32.9", ""].join("\n"));
  });
});
