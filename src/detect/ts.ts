/**
 * The one TypeScript compiler instance privlint's analysis uses: the copy bundled with ts-morph
 * (see typescript-loader.cjs for why it is loaded on its own). The scanner and the ESLint rules
 * both parse with it (the rules re-parse the file text rather than reuse the parser's AST), so
 * SyntaxKind values always come from this module, whatever TypeScript version the user's ESLint
 * setup loads.
 */
export { ts } from './typescript-loader.cjs';
