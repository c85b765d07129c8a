/** What a process holds, read from Linux's /proc: resident memory and open sockets. */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

export function residentBytes(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb[1]) * 1024;
}

export function openSockets(pid: number): number {
  let count = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith("socket:")) count += 1;
    } catch {
      // Closed between the listing and the read.
    }
  }
  return count;
}

/** Samples `read` every `intervalMs` and keeps the highest value, until stopped. */
export function peak(read: () => number, intervalMs = 50) {
  let highest = read();
  const timer = setInterval(() => {
    try {
      highest = Math.max(highest, read());
    } catch {
      // The process is gone; the test will say so.
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return highest;
    },
  };
}
