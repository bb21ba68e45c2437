import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// What asks for the data is the site: the attribute that makes an element a collection (`onPaste={…}`,
// `allow="camera"`), the property of a call's argument that picks its category (`allowCamera: true`).
const lines = (...source: string[]) => source.join('\n') + '\n';

describe('catalogued elements are reported at the attribute that asks for the data', () => {
  it('a paste input with an onPaste handler receives pasted files (attribute "*": any value); without one it is a text field', () => {
    const result = scanProject({
      'src/Composer.tsx': lines(
        `import PasteInput from '@mattermost/react-native-paste-input';`,
        `declare function attach(file: unknown): void;`,
        `export const Composer = () => (`,
        `  <PasteInput`,
        `    multiline`,
        `    onPaste={(error: string | null, files: unknown[]) => files.forEach(attach)}`,
        `  />`,
        `);`,
        `export const Search = () => <PasteInput multiline onChangeText={() => undefined} />;`,
      ),
    });
    expect(sites(result)).toEqual(['src/Composer.tsx:6 clipboard @mattermost/react-native-paste-input#default']);
  });

  it('an iframe is reported at its allow attribute; one allowing only fullscreen is no site', () => {
    const result = scanProject({
      'src/Check.tsx': lines(
        `export const Check = ({ url }: { url: string }) => (`,
        `  <iframe`,
        `    src={url}`,
        `    allow="camera; fullscreen"`,
        `  />`,
        `);`,
        `export const Video = ({ url }: { url: string }) => <iframe src={url} allow="fullscreen" />;`,
      ),
    });
    expect(sites(result)).toEqual(['src/Check.tsx:4 media.camera iframe']);
  });
});

describe('a category picked by a property of the call is reported at that property', () => {
  it('new Ubble.IDV(element, { allowCamera: true }) at allowCamera; allowCamera: false is no site', () => {
    const result = scanProject({
      'src/idv.ts': lines(
        `declare const Ubble: any;`,
        `export function start(element: HTMLElement, identificationUrl: string) {`,
        `  return new Ubble.IDV(element, {`,
        `    width: '100%',`,
        `    identificationUrl,`,
        `    allowCamera: true,`,
        `  });`,
        `}`,
        `export const off = (element: HTMLElement) => new Ubble.IDV(element, { allowCamera: false });`,
      ),
    });
    expect(sites(result)).toEqual(['src/idv.ts:6 media.camera Ubble.IDV']);
  });

  it('getUserMedia: each category at its property; constraints kept in a const are reported at the call', () => {
    const result = scanProject({
      'src/media.ts': lines(
        `const constraints = { audio: true };`,
        `export async function both() {`,
        `  return navigator.mediaDevices.getUserMedia({`,
        `    audio: true,`,
        `    video: { facingMode: 'user' },`,
        `  });`,
        `}`,
        `export const voice = () => navigator.mediaDevices.getUserMedia(constraints);`,
      ),
    });
    expect(sites(result)).toEqual([
      'src/media.ts:4 media.microphone navigator.mediaDevices.getUserMedia',
      'src/media.ts:5 media.camera navigator.mediaDevices.getUserMedia',
      'src/media.ts:8 media.microphone navigator.mediaDevices.getUserMedia',
    ]);
  });
});
