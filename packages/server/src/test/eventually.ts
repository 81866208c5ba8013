import assert from 'node:assert/strict';

/**
 * Waits until `condition` holds, checking every 10 ms, and fails with `what` after `timeoutMs`.
 * The deadline only bounds a failing test: a passing one goes on as soon as the condition holds,
 * however busy the machine.
 */
export async function eventually(condition: () => boolean | Promise<boolean>, what = 'the condition', timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
