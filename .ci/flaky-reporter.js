// A Vitest reporter for CI, which retries a failed test once: it names every test that failed and then passed on
// the retry, with the start of its first error, in LOKET_FLAKY_FILE. The retry keeps one unlucky timing from
// blocking a landing; this list keeps the race it points at from going unnoticed.
import { appendFileSync } from 'node:fs';
import path from 'node:path';

export default class FlakyReporter {
  onTestCaseResult(testCase) {
    if (!testCase.diagnostic()?.flaky) return;
    const [error] = testCase.task.result?.errors ?? [];
    const message = String(error?.message ?? 'no message')
      .split('\n')
      .slice(0, 4)
      .join('\n    ');
    const where = path.relative(process.cwd(), testCase.module.moduleId);
    const file = process.env.LOKET_FLAKY_FILE ?? 'test-results/flaky.txt';
    appendFileSync(file, `  ~ ${where} › ${testCase.fullName}\n    ${message}\n`);
  }
}
