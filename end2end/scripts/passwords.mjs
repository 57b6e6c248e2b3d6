// Generates app/src/auth/common_passwords.txt: the 10 000 most used passwords, in order, from
// the npm package @zxcvbn-ts/language-common (MIT; Dan Wheeler, Dropbox, Inc. and zxcvbn-ts),
// which the server refuses as new passwords. Run: `make passwords`.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const TARGET = fileURLToPath(new URL('../../app/src/auth/common_passwords.txt', import.meta.url));
const list = require('@zxcvbn-ts/language-common/src/passwords.json');
const top = list.slice(0, 10000).map((p) => p.toLowerCase());
if (top.length !== 10000 || new Set(top).size !== 10000) throw new Error('expected 10 000 distinct passwords');
writeFileSync(TARGET, top.join('\n') + '\n');
console.log(`wrote ${top.length} passwords to ${TARGET}`);
