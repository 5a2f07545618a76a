// Whether a process with this pid exists (signal 0 checks without sending
// anything). The CLI may not import @rheo/testkit, which has the same helper.
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
