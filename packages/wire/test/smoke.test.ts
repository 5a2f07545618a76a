import { placeholder } from '@rheo/wire';
import { expect, test } from 'vitest';

test('resolves', () => {
  expect(placeholder).toBe(1);
});
