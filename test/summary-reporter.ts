// Prints the plain closing line CI reads: "tests: N passed, N failed, N skipped".
// "failed" counts failed tests, plus each test file that failed outside its
// tests (an import that throws, a failing beforeAll, a collect error: its tests
// then never ran and would otherwise not count at all), plus each unhandled error.
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const brokenFiles: string[] = [];
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      failed += failedHere;
      if (failedHere === 0 && (module.state() === 'failed' || module.errors().length > 0)) {
        brokenFiles.push(module.relativeModuleId);
      }
    }
    failed += brokenFiles.length + unhandledErrors.length;
    if (brokenFiles.length > 0) {
      console.log(`\ntest files that failed outside their tests (counted as failed): ${brokenFiles.join(', ')}`);
    }
    if (unhandledErrors.length > 0) console.log(`\nunhandled errors (counted as failed): ${unhandledErrors.length}`);
    console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
