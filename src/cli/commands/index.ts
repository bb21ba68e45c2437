import type { Command } from '../command.js';
import { baselineCommand } from './baseline.js';
import { exportAppleCommand, exportPlayCommand } from './export.js';
import { initCommand } from './init.js';
import { manifestCheckCommand } from './manifest-check.js';
import { mergeCommand } from './merge.js';
import { reportCommand } from './report.js';
import { scanCommand } from './scan.js';

/** Every command, in the order --help lists them. Adding a command = one file + one line here. */
export const COMMANDS: readonly Command[] = [scanCommand, baselineCommand, mergeCommand, manifestCheckCommand, reportCommand, initCommand, exportAppleCommand, exportPlayCommand];
