import { describe, expect, it } from 'vitest';
import { main } from './cli.js';

describe('office-hours command', () => {
  it('rejects an unknown command with exit code 2', async () => {
    expect(await main(['no-such-command'])).toBe(2);
  });
});
