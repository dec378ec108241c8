/**
 * Everything the command line prints to a terminal (standard output and standard error) passes here: control and
 * escape characters are removed, so a scenario's title cannot clear the screen, move the cursor, set the window's
 * title or reorder text. Line feeds and tabs stay; files written with --out are left exact.
 */

// C0 controls but tab and line feed (and a carriage return before a line feed), DEL, C1 controls (0x9b is a
// one-byte escape on some terminals), and the bidirectional overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every character a terminal would act on removed. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, '');
}

/** Writes to standard output, safely. */
export function writeOut(text: string): void {
  process.stdout.write(terminalText(text));
}

/** Writes to standard error, safely. */
export function writeErr(text: string): void {
  process.stderr.write(terminalText(text));
}
