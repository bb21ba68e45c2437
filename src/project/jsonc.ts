/**
 * Parse JSON with comments and trailing commas (tsconfig.json, jsconfig.json) without loading the
 * TypeScript compiler. Returns the value, or the 1-based position of the first syntax error.
 */
export function parseJsonc(text: string): { value: unknown } | { error: string; line: number; column: number } {
  let out = '';
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const next = text[index + 1];
    if (inString) {
      out += char;
      if (char === '\\') out += text[++index] ?? '';
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && next === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      out += '\n';
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      const comment = text.slice(index, end < 0 ? text.length : end + 2);
      out += comment.replace(/[^\n]/g, ' ');
      index = end < 0 ? text.length : end + 1;
    } else {
      out += char;
    }
  }
  // Trailing commas before } or ] (outside strings: strings are unchanged in length, so positions hold).
  const withoutTrailingCommas = out.replace(/,(\s*[}\]])/g, ' $1');
  try {
    return { value: JSON.parse(withoutTrailingCommas) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : 0;
    const before = withoutTrailingCommas.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { error: message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, ''), line, column };
  }
}
