// One stack of things to undo (child processes, temporary databases and folders). It runs last-in first-out so a
// server is stopped before its database is dropped, and each step runs once even when an error and Ctrl-C race.
const stack = [];

export function onCleanup(label, fn) {
  stack.push({ label, fn });
}

export async function runCleanups() {
  while (stack.length > 0) {
    const { label, fn } = stack.pop();
    try {
      await fn();
    } catch (error) {
      // Keep going: one failed step must not leave the other children running.
      console.error(`cleanup "${label}" failed: ${error.message}`);
    }
  }
}

/** A scenario that cannot run here (no PostgreSQL, say): reported as not measured, not as a harness failure. */
export class SkipScenario extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'SkipScenario';
  }
}
