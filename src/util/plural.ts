/** `1 file`, `2 files`; `many` for irregular plurals (`2 categories`). */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
