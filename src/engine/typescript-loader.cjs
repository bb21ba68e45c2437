// The TypeScript compiler bundled with ts-morph, loaded on its own with require(). Importing
// ts-morph from ESM would also load ts-morph's other modules and make Node run its CommonJS export
// lexer over them: together a third of the start-up cost of every scan that parses a file.
'use strict';
const path = require('node:path');

function bundledTypeScript() {
  const tsMorphFolder = path.dirname(require.resolve('ts-morph/package.json'));
  try {
    return require(require.resolve('@ts-morph/common/dist/typescript.js', { paths: [tsMorphFolder] }));
  } catch {
    // A ts-morph release that moved its bundled copy: the same compiler, through ts-morph itself.
    return require('ts-morph').ts;
  }
}

exports.ts = bundledTypeScript();
