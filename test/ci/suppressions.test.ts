import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;

const summary = (files: Record<string, string>) => {
  const result = scanProject(files);
  return {
    findings: result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}${finding.ruleId === 'no-unused-suppression' ? ` ${finding.message} ${finding.help}` : ''}`),
    suppressed: result.suppressed.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line} (${finding.suppression.justification})`),
  };
};

describe('privlint-disable comments in JSX', () => {
  it('honours {/* privlint-disable-next-line … */} in a JSX child and reports one that silences nothing', () => {
    const { findings, suppressed } = summary({
      'src/Screen.tsx': [
        IMPORT,
        'export function Screen() {',
        '  return (',
        '    <View>',
        '      {/* privlint-disable-next-line require-purpose -- shown on the debug screen only, PRIV-9 */}',
        '      <Text>{DeviceInfo.getUniqueId()}</Text>',
        '      {/* privlint-disable-next-line require-purpose -- stale */}',
        '      <Text>plain</Text>',
        '      <Text>{DeviceInfo.getAndroidId()}</Text>',
        '    </View>',
        '  );',
        '}',
        '',
      ].join('\n'),
    });
    expect(suppressed).toEqual(['require-purpose src/Screen.tsx:6 (shown on the debug screen only, PRIV-9)']);
    expect(findings).toEqual([
      expect.stringMatching(/^no-unused-suppression src\/Screen\.tsx:7:8 This privlint-disable comment suppresses nothing/),
      'require-purpose src/Screen.tsx:9:14',
    ]);
  });

  it('does not take JSX text that looks like a comment for a directive', () => {
    const { findings, suppressed } = summary({
      'src/Help.tsx': [
        IMPORT,
        'export const Help = () => (',
        '  <Text>',
        '    // privlint-disable-next-line require-purpose -- this is text on screen',
        '    {DeviceInfo.getUniqueId()}',
        '  </Text>',
        ');',
        '',
      ].join('\n'),
    });
    expect(suppressed).toEqual([]);
    expect(findings).toEqual(['require-purpose src/Help.tsx:5:6']);
  });

  it('finds a directive among JSX attributes, and in a container right after an element on the same line', () => {
    const { suppressed } = summary({
      'src/Row.tsx': [
        IMPORT,
        'export const Row = () => (',
        '  <Item',
        '    // privlint-disable-next-line require-purpose -- label for support, PRIV-2',
        '    label={DeviceInfo.getUniqueId()}',
        '  >',
        '    <Text>ok</Text>{/* privlint-disable-next-line require-purpose -- PRIV-3 */}',
        '    <Text>{DeviceInfo.getAndroidId()}</Text>',
        '  </Item>',
        ');',
        '',
      ].join('\n'),
    });
    expect(suppressed).toEqual(['require-purpose src/Row.tsx:5 (label for support, PRIV-2)', 'require-purpose src/Row.tsx:8 (PRIV-3)']);
  });
});

describe('privlint-disable without a rule', () => {
  it('says a rule name is required (not "unknown rule --"), for both forms', () => {
    const { findings } = summary({
      'src/a.ts': [IMPORT, '// privlint-disable -- legacy file', '// privlint-disable-next-line -- legacy line', 'export const id = DeviceInfo.getUniqueId();', ''].join('\n'),
    });
    expect(findings).toEqual([
      'no-unused-suppression src/a.ts:2:1 This privlint-disable comment is ignored: it names no rule. Fix: a rule name is required: write `privlint-disable <rule> -- reason` (privlint never disables every rule at once).',
      'no-unused-suppression src/a.ts:3:1 This privlint-disable comment is ignored: it names no rule. Fix: a rule name is required: write `privlint-disable-next-line <rule> -- reason` (privlint never disables every rule at once).',
      'require-purpose src/a.ts:4:19',
    ]);
  });

  it('still reads a reason written right after the rule, as "rule --reason"', () => {
    const { suppressed } = summary({ 'src/a.ts': [IMPORT, '// privlint-disable-next-line require-purpose --PRIV-5', 'export const id = DeviceInfo.getUniqueId();', ''].join('\n') });
    expect(suppressed).toEqual(['require-purpose src/a.ts:3 (PRIV-5)']);
  });
});

describe('privlint-disable-line (the same line, like eslint-disable-line)', () => {
  it('silences findings that start on its own line, and is reported when it silences nothing', () => {
    const { findings, suppressed } = summary({
      'src/ids.ts': [
        IMPORT,
        'export const id = DeviceInfo.getUniqueId(); // privlint-disable-line require-purpose -- shown to support only, SUP-4',
        'export const other = DeviceInfo.getAndroidId(); /* privlint-disable-line privlint/require-purpose -- same ticket */',
        'export const plain = 1; // privlint-disable-line require-purpose -- stale',
        '// privlint-disable-line require-purpose -- does not reach the next line',
        'export const mac = DeviceInfo.getMacAddress();',
        '',
      ].join('\n'),
    });
    expect(suppressed).toEqual([
      'require-purpose src/ids.ts:2 (shown to support only, SUP-4)',
      'require-purpose src/ids.ts:3 (same ticket)',
    ]);
    expect(findings).toEqual([
      'no-unused-suppression src/ids.ts:4:25 This privlint-disable comment suppresses nothing: no require-purpose finding on this line. Fix: remove it (or move it to the line it was meant for).',
      'no-unused-suppression src/ids.ts:5:1 This privlint-disable comment suppresses nothing: no require-purpose finding on this line. Fix: remove it (or move it to the line it was meant for).',
      'require-purpose src/ids.ts:6:20',
    ]);
  });

  it('needs a rule and a reason, as the other forms do', () => {
    const { findings } = summary({
      'src/ids.ts': [IMPORT, 'export const id = DeviceInfo.getUniqueId(); // privlint-disable-line -- no rule named', ''].join('\n'),
    });
    expect(findings).toEqual([
      'require-purpose src/ids.ts:2:19',
      'no-unused-suppression src/ids.ts:2:45 This privlint-disable comment is ignored: it names no rule. Fix: a rule name is required: write `privlint-disable-line <rule> -- reason` (privlint never disables every rule at once).',
    ]);
  });
});
