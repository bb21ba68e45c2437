import type pc from 'picocolors';

/** Terminal colours (picocolors' functions, each a no-op when colour is off): what the text reporter paints with and the CLI's output carries. */
export type Colors = ReturnType<typeof pc.createColors>;
