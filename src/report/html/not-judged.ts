import { plural } from '../../util/plural.js';
import { esc } from './escape.js';
import type { ReportModel } from './model.js';

/** Shown one by one; more are counted. */
const MAX_LISTED = 30;

/**
 * What privlint could not judge, said next to what it found so that a short inventory never reads as
 * "nothing else is sent": third-party packages it does not recognise, and files it skipped.
 */
export function notJudgedSentence(model: ReportModel): string {
  const { packageFiles, packages, files } = model.notJudged;
  const parts = [packages.length > 0 ? plural(packages.length, 'third-party package') : '', files.length > 0 ? plural(files.length, 'file') : ''].filter(Boolean);
  if (parts.length > 0) return esc(`It could not judge ${parts.join(' and ')}: see below.`);
  if (!packageFiles) return esc('No package.json was found, so the dependencies were not checked for SDKs privlint does not know.');
  return esc('It recognised every third-party package the code depends on and analysed every file.');
}

export function notJudgedSection(model: ReportModel): string {
  const { packageFiles, packages, files } = model.notJudged;
  if (packages.length === 0 && files.length === 0) return '';
  const items: string[] = [];
  if (packages.length > 0) {
    const named = packages.slice(0, MAX_LISTED).map((entry) => `<code>${esc(entry.package)}</code>${(packageFiles?.length ?? 0) > 1 ? ` <span class="muted">(${entry.packageJsons.map(esc).join(', ')})</span>` : ''}`);
    const more = packages.length > MAX_LISTED ? `, and ${packages.length - MAX_LISTED} more` : '';
    items.push(
      `<li id="unrecognised-packages"><strong>${plural(packages.length, 'third-party package')} it does not recognise</strong>, runtime dependencies in ${(packageFiles ?? []).map((file) => `<code>${esc(file)}</code>`).join(', ')} that no catalog entry describes: ${named.join(', ')}${more}. They may send personal data that privlint cannot see: review what each does, and describe an SDK among them in the config's <code>catalog</code> so that privlint checks it.</li>`,
    );
  }
  if (files.length > 0) {
    const named = files.slice(0, MAX_LISTED).map((entry) => `<code>${esc(entry.file)}</code> <span class="muted">(${esc(entry.why)})</span>`);
    const more = files.length > MAX_LISTED ? `, and ${files.length - MAX_LISTED} more` : '';
    items.push(`<li id="skipped-files"><strong>${plural(files.length, 'file')} skipped or not fully analysed</strong>: ${named.join(', ')}${more} (<a href="#diagnostics">details</a>). What they collect is missing from this report.</li>`);
  }
  return ['<div class="not-judged" id="not-judged">', '<h3>What privlint could not judge</h3>', '<ul>', ...items, '</ul>', '</div>'].join('\n');
}
