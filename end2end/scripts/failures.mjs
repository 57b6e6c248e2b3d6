// After a failed browser run: each failed test's first error in a few lines, printed last so
// that a CI log cut to its tail still says what went wrong (the list reporter prints the
// errors above its summary). Reads the JSON report playwright.config.ts writes.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync('../target/e2e/report.json', 'utf8'));
// eslint-disable-next-line no-control-regex
const plain = (s) => s.replace(/\u001b\[[0-9;]*m/g, '');

function* specs(suite) {
  for (const s of suite.specs ?? []) yield s;
  for (const child of suite.suites ?? []) yield* specs(child);
}

for (const suite of report.suites ?? []) {
  for (const spec of specs(suite)) {
    for (const t of spec.tests) {
      for (const r of t.results) {
        if (r.status === 'passed' || r.status === 'skipped') continue;
        const errors = (r.errors?.length ? r.errors : [{ message: r.status }]).map((e) => plain(e.message ?? ''));
        const message = errors.join('\n').split('\n').filter((l) => l.trim()).slice(0, 12);
        console.log(`failed: ${spec.file}:${spec.line} ${spec.title}`);
        for (const line of message) console.log(`  ${line.slice(0, 400)}`);
      }
    }
  }
}
