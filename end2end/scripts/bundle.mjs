// Names the browser bundle after its content and compresses it once, at build time:
// target/site/pkg/liaison.{js,css} and liaison_bg.wasm become liaison-<hash>.js, .css and
// _bg.wasm, each beside its .br and .gz, and pkg/output-name holds `liaison-<hash>` for the
// server. A release changes the name, so browsers may keep each file for a year (the server
// answers /pkg/liaison-* as immutable) and download the bundle once per release.
// Run by `make site`.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../target/site/pkg/', import.meta.url));
const parts = [['liaison.js', '.js'], ['liaison_bg.wasm', '_bg.wasm'], ['liaison.css', '.css']];
const hash = createHash('sha256');
for (const [file] of parts) hash.update(readFileSync(pkg + file));
const name = `liaison-${hash.digest('hex').slice(0, 12)}`;

for (const old of readdirSync(pkg)) {
  if (old.startsWith('liaison-') && !old.startsWith(name)) unlinkSync(pkg + old);
}
for (const [file, suffix] of parts) {
  const bytes = readFileSync(pkg + file);
  const target = pkg + name + suffix;
  writeFileSync(target, bytes);
  writeFileSync(`${target}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${target}.br`, brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
}
writeFileSync(pkg + 'output-name', `${name}\n`);
const size = (f) => readFileSync(pkg + f).length;
console.log(`bundle ${name}: wasm ${size(name + '_bg.wasm')} bytes, ${size(name + '_bg.wasm.br')} as br, ${size(name + '_bg.wasm.gz')} as gzip`);
