import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_STATUS_EXAMPLES } from '../modules/passports/demo.js';
import type { SeededCase } from './seed-demo.js';

/**
 * Access keys are shown once and stored only as hashes, so the demo keeps its cases' keys in a file in the data
 * directory: a newcomer can open any demo case as its citizen would.
 */
export function writeDemoKeys(dataDir: string, cases: SeededCase[]): string {
  const file = path.join(dataDir, 'demo-access-keys.txt');
  const lines = cases.map((c) => `${c.trackingCode}\t${c.accessKey}\t${c.status}\t${c.subject}`);
  const passports = DEMO_STATUS_EXAMPLES.map((a) => `${a.number}\t${a.birthDate}\t${a.stage}`);
  writeFileSync(
    file,
    `# tracking code\taccess key\tstatus\tsubject\n${lines.join('\n')}\n\n# passport status check (/passport): application number\tdate of birth\tstage\n${passports.join('\n')}\n`,
    { mode: 0o600 },
  );
  return file;
}
