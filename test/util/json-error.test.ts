import { describe, expect, it } from 'vitest';
import { findJsonError } from '../../src/util/json-error.js';

describe('findJsonError', () => {
  it('finds nothing wrong in what JSON.parse accepts', () => {
    for (const text of ['{}', ' [1, -2.5e3, "a\\"b\\u00e9", true, false, null, {"x": []}] \n', '"x"', '0', JSON.stringify({ a: [{ b: 'c\nd' }] }, null, 2)]) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonError(text), text).toBeUndefined();
    }
  });

  it('gives the line and column of the first error, and what was expected there', () => {
    const cases: [string, string][] = [
      ['', '1:1 expected a value, found the end of the file'],
      ['{ "version": 1, ', '1:17 expected a property name in double quotes, found the end of the file'],
      ['{\n  "a": 1,\n}', "3:1 expected a property name in double quotes, found '}' (a comma before it?)"],
      ['[1, 2,]', "1:7 expected a value, found ']' (a comma before it?)"],
      ["{'a': 1}", "1:2 expected a property name in double quotes, found '''"],
      ['{"a" 1}', "1:6 expected ':' after the property name, found '1'"],
      ['{"a": 1 "b": 2}', "1:9 expected ',' or '}', found '\"'"],
      ['[1 2]', "1:4 expected ',' or ']', found '2'"],
      ['{"a": tru}', "1:7 expected a value, found 't'"],
      ['{"a": 01}', "1:8 expected ',' or '}', found '1'"],
      ['"a\\x"', '1:3 invalid escape \\x in a string'],
      ['"a\nb"', '1:3 a string holds a line break or control character (write it as an escape, e.g. \\n)'],
      ['{"a": "open', "1:12 a string is not closed: expected '\"', found the end of the file"],
      ['{}\n{}', "2:1 expected the end of the file after the JSON value, found '{'"],
    ];
    for (const [text, expected] of cases) {
      expect(() => JSON.parse(text), text).toThrow();
      const error = findJsonError(text)!;
      expect(`${error.line}:${error.column} ${error.message}`, JSON.stringify(text)).toBe(expected);
    }
  });
});
