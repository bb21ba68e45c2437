// The app configuration files detect/config-plugins.ts reads for the SDK plugins they name. Kept
// apart, without imports, so the file filters (discovery, the editor) can ask without loading a parser.

/** Configuration files that are not source code and are read only for the SDKs they name. */
export const CONFIG_DATA_FILE_NAMES = ['app.json', 'capacitor.config.json', 'config.xml'];
/** Configuration files written in JavaScript or TypeScript: analysed as source, their `plugins` read too. */
const SOURCE_FILE = /^(?:app|capacitor)\.config\.[cm]?[jt]s$/i;

const baseName = (fileName: string) => fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);

/** Is this a configuration file read only for the SDKs it names (app.json, capacitor.config.json, config.xml)? */
export function isConfigDataFile(fileName: string): boolean {
  return CONFIG_DATA_FILE_NAMES.includes(baseName(fileName).toLowerCase());
}

/** Is this a JavaScript or TypeScript app configuration (app.config.ts, capacitor.config.ts)? */
export function isConfigSourceFile(fileName: string): boolean {
  return SOURCE_FILE.test(baseName(fileName));
}

/** Is this Cordova's config.xml? */
export function isCordovaConfig(fileName: string): boolean {
  return baseName(fileName).toLowerCase() === 'config.xml';
}
