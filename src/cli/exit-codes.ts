/** ESLint's convention: 0 clean, 1 when findings are at or above the failure threshold, 2 usage or config error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
