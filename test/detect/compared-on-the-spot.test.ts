import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A read that is itself an operand of an equality test ends there as a yes/no (containment.ts), whatever its confidence.
describe('a read compared on the spot is not a collection site', () => {
  it('reading the clipboard back to confirm the app’s own copy is not reported', () => {
    const result = scanProject({
      'src/copy.ts': [
        `import Clipboard from '@react-native-clipboard/clipboard';`,
        `export async function copy(text: string, done: () => void) {`,
        `  Clipboard.setString(text);`,
        `  if ((await Clipboard.getString()) === text) done();`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });

  it('a clipboard read stored and sent on is reported, though it is also compared', () => {
    const result = scanProject({
      'src/paste.ts': [
        `import Clipboard from '@react-native-clipboard/clipboard';`,
        `export async function paste(last: string) {`,
        `  const text = await Clipboard.getString();`,
        `  if (text === last) return;`,
        `  await fetch('https://api.example.com/paste', { method: 'POST', body: text });`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(sites(result).map((site) => site.split(' ').slice(0, 2).join(' '))).toEqual(['src/paste.ts:3 clipboard']);
  });
});
