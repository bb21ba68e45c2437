/**
 * Where JSON text stops being JSON, as 1-based line:column and what was expected there — for the
 * message about a file JSON.parse refused (V8 says "at position 57", or nothing at all).
 * Returns undefined for valid JSON.
 */
export function findJsonError(text: string): { line: number; column: number; message: string } | undefined {
  let index = 0;
  const fail = (message: string, at = index): never => {
    throw new JsonSyntaxError(message, at);
  };
  const found = (at = index) => (at >= text.length ? 'the end of the file' : `'${text[at] === '\n' ? '\\n' : text[at]}'`);
  const space = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, index)) index += word.length;
    else fail(`expected a value, found ${found()}`);
  };
  const string = () => {
    index++; // the opening quote
    for (;;) {
      if (index >= text.length) fail('a string is not closed: expected \'"\', found the end of the file');
      const char = text[index]!;
      if (char === '"') {
        index++;
        return;
      }
      if (char === '\\') {
        const escape = text[index + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) fail('\\u must be followed by four hexadecimal digits');
          index += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) index += 2;
        else fail(`invalid escape \\${escape ?? ''} in a string`);
      } else if (char < ' ') fail('a string holds a line break or control character (write it as an escape, e.g. \\n)');
      else index++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(index));
    if (!match || match[0] === '-') fail(`expected a value, found ${found()}`);
    index += match![0].length;
  };
  const value = (): void => {
    space();
    const char = text[index];
    if (char === '{') return object();
    if (char === '[') return array();
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    fail(`expected a value, found ${found()}`);
  };
  const object = () => {
    index++;
    space();
    if (text[index] === '}') {
      index++;
      return;
    }
    for (;;) {
      space();
      if (text[index] !== '"') fail(`expected a property name in double quotes, found ${found()}${text[index] === '}' ? ' (a comma before it?)' : ''}`);
      string();
      space();
      if (text[index] !== ':') fail(`expected ':' after the property name, found ${found()}`);
      index++;
      value();
      space();
      if (text[index] === ',') {
        index++;
        continue;
      }
      if (text[index] === '}') {
        index++;
        return;
      }
      fail(`expected ',' or '}', found ${found()}`);
    }
  };
  const array = () => {
    index++;
    space();
    if (text[index] === ']') {
      index++;
      return;
    }
    for (;;) {
      space();
      if (text[index] === ']') fail(`expected a value, found ']' (a comma before it?)`);
      value();
      space();
      if (text[index] === ',') {
        index++;
        continue;
      }
      if (text[index] === ']') {
        index++;
        return;
      }
      fail(`expected ',' or ']', found ${found()}`);
    }
  };
  try {
    value();
    space();
    if (index < text.length) fail(`expected the end of the file after the JSON value, found ${found()}`);
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    return { line, column: error.offset - before.lastIndexOf('\n'), message: error.message };
  }
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}
