// An unminified, library-like JavaScript file of about `lines` lines, as a site that commits a
// vendored copy has: hundreds of helpers calling each other with values threaded through, browser
// reads here and there, and nothing sent anywhere. Seeded, so every run writes the same file.
export function vendoredLibrary(lines = 10_000, seed = 1): string {
  let state = seed;
  const next = (bound: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % bound;
  };
  const reads = ['navigator.userAgent', 'navigator.language', 'screen.width', 'document.cookie', 'navigator.platform', 'document.referrer'];
  const out = ['(function (global) {', "  'use strict';", '  var lib = {};'];
  for (let index = 0; out.length < lines - 3; index++) {
    out.push(`  function helper${index}(a, b, options) {`, '    var value = a;', '    var extra = options && options.extra ? options.extra : b;');
    if (next(8) === 0) out.push(`    var info = ${reads[next(reads.length)]};`, '    value = value + info;');
    for (let call = 0; index > 0 && call < 3; call++) {
      out.push('    if (value !== undefined) {', `      extra = helper${next(index)}(value, extra, { extra: value });`, '    }');
    }
    out.push('    var list = [value, extra];', '    for (var i = 0; i < list.length; i++) {', '      list[i] = String(list[i]).trim();', '    }');
    out.push("    return list.join(',') + extra;", '  }', `  lib.helper${index} = helper${index};`);
  }
  out.push('  global.lib = lib;', "})(typeof window !== 'undefined' ? window : this);", '');
  return out.join('\n');
}
