import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;

const summary = (files: Record<string, string>) => {
  const result = scanProject(files);
  return {
    findings: result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}${finding.ruleId === 'no-unused-suppression' ? ` ${finding.message}` : ''}`),
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
      'no-unused-suppression src/a.ts:2:1 This privlint-disable comment is ignored: a rule name is required: privlint-disable <rule> -- reason (privlint never disables every rule at once).',
      'no-unused-suppression src/a.ts:3:1 This privlint-disable comment is ignored: a rule name is required: privlint-disable-next-line <rule> -- reason (privlint never disables every rule at once).',
      'require-purpose src/a.ts:4:19',
    ]);
  });

  it('still reads a reason written right after the rule, as "rule --reason"', () => {
    const { suppressed } = summary({ 'src/a.ts': [IMPORT, '// privlint-disable-next-line require-purpose --PRIV-5', 'export const id = DeviceInfo.getUniqueId();', ''].join('\n') });
    expect(suppressed).toEqual(['require-purpose src/a.ts:3 (PRIV-5)']);
  });
});
