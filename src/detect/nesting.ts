/**
 * How deep detection follows syntax. Its walk, and helpers such as evaluateReference, recurse along
 * the tree: on Node's default stack they overflowed near 1,900 levels (a 945-link call chain split
 * over lines), while the deepest of ~2,100 files of real packages was 219 levels deep. A file nested
 * deeper than this is reported as not analysed instead of risking the stack, on every thread alike
 * (parse.ts measures the depth while setting parent pointers).
 */
export const MAX_NESTING_DEPTH = 500;
