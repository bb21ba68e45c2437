/**
 * Another version of the project's files than the working tree, e.g. the git index for
 * `scan --staged`: the scan discovers files on disk as usual, then asks the overlay which of them
 * the snapshot has and what they contain. Absolute paths, as the scan spells them.
 */
export interface SourceOverlay {
  /**
   * The snapshot's files: `discovered` without those it lacks, plus those only it has that the
   * scan would take (`accepts`, which knows the scan's paths and ignores). Sorted.
   */
  files(discovered: readonly string[], root: string, accepts: (file: string) => boolean): string[];
  /** The snapshot's content of `file`, or undefined when the file on disk is the snapshot's. */
  bytes(file: string): Buffer | undefined;
}
