// Counts the browser tests and writes them where scripts/test.mjs can add them to the
// closing "N passed, N failed" line.
import { writeFileSync } from 'node:fs';

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) totals.skipped += 1;
          else if (test.passed) totals.passed += 1;
          else totals.failed += 1;
        }
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has no results but must not pass silently.
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) totals.failed += 1;
      }
      if (process.env.WTR_SUMMARY_FILE) writeFileSync(process.env.WTR_SUMMARY_FILE, JSON.stringify(totals));
    },
  };
}
