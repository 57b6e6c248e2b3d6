// The committed country table is exactly what the maintained source gives today.
import { test, expect } from './helpers';
import { spawnSync } from 'node:child_process';

test('the country names match the i18n-iso-countries package (run `make countries` if not)', () => {
  const run = spawnSync(process.execPath, ['scripts/countries.mjs', '--check'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});

test('the world outline matches the world-atlas package (run `make world` if not)', () => {
  const run = spawnSync(process.execPath, ['scripts/world.mjs', '--check'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});
