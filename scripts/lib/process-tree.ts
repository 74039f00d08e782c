import { readdirSync, readFileSync } from "node:fs";

/** A running process as Linux's /proc shows it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Its program's name (Linux's `comm`: the first 15 characters; a child has its parent's until it starts its own program). */
  name: string;
  /** Memory in use, in MB (pages of 4 KB, as on Debian's amd64 and arm64). */
  rssMb: number;
  /** User and system processor time so far, in ms (clock ticks of 10 ms). */
  cpuMs: number;
}

/** Every process of the machine (none where /proc cannot be read). */
export function listProcesses(): ProcessInfo[] {
  let names: string[];
  try {
    names = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      return [{ pid: Number(name), ...readStat(`/proc/${name}/stat`) }];
    } catch {
      // The process ended while /proc was read.
      return [];
    }
  });
}

/** A process's (`/proc/PID/stat`) or a thread's (`/proc/PID/task/TID/stat`) line of /proc, read. */
export function readStat(file: string): Omit<ProcessInfo, "pid"> {
  const stat = readFileSync(file, "utf8");
  // The name between parentheses (it may hold some), then: state, parent, …, user time, system time (fields 14, 15), …, resident pages (24).
  const close = stat.lastIndexOf(") ");
  const fields = stat.slice(close + 2).split(" ");
  return { name: stat.slice(stat.indexOf("(") + 1, close), ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10, rssMb: (Number(fields[21]) * 4) / 1024 };
}

/** The processes below `root` (its children, theirs…), and `root` itself. */
export function processTree(root: number, processes: readonly ProcessInfo[]): ProcessInfo[] {
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes)
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
  }
  return processes.filter((p) => tree.has(p.pid));
}
