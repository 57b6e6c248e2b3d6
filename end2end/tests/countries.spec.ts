// The committed country table is exactly what the maintained source gives today.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { render, TARGET } from '../scripts/countries.mjs';

test('the country names match the i18n-iso-countries package (run `make countries` if not)', () => {
  expect(readFileSync(TARGET, 'utf8')).toBe(render());
});
