// Running commands and summarising samples for the benchmark: wall time, CPU time, peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** GNU time reports CPU time and peak RSS of a child; without it only wall time is measured. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const TIME_MARK = 'privlint-bench-time:';

export const canMeasureCpu = TIME !== undefined;

/** A command failed in a way that makes its timing meaningless: the benchmark stops and says why. */
export class CommandFailed extends Error {}

/** @typedef {{ wall: number, cpu: number, rss: number, status: number | null, stdout: string, stderr: string }} Sample */

/**
 * Run a command once and return { wall, cpu, rss } in seconds and MB, plus its output.
 * `ok` lists the exit codes that mean the command did its job (privlint scan exits 1 when it
 * reports findings); any other code — notably 2, a usage or config error — throws, so a figure
 * is never the time of an error message.
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, ok?: (number | null)[], env?: NodeJS.ProcessEnv }} [options]
 * @returns {Sample}
 */
export function measure(label, command, args, { cwd, ok = [0], env } = {}) {
  const started = performance.now();
  const run = TIME
    ? spawnSync(TIME, ['-f', `${TIME_MARK}%U %S %M`, command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = (performance.now() - started) / 1000;
  const stderrLines = (run.stderr ?? '').trimEnd().split('\n');
  const timeLine = TIME ? stderrLines.findLast((line) => line.startsWith(TIME_MARK)) : undefined;
  const stderr = stderrLines.filter((line) => line !== timeLine && !/^Command exited with non-zero status/.test(line)).join('\n');
  if (run.error) throw new CommandFailed(`${label}: cannot run ${command} (${run.error.message})`);
  if (!ok.includes(run.status)) {
    throw new CommandFailed(`${label} exited with ${run.status ?? run.signal} (expected ${ok.join(' or ')}):\n  ${[command, ...args].join(' ')}\n  in ${cwd}\n${indent(stderr || run.stdout || '(no output)')}`);
  }
  const [user, system, rssKb] = /** @type {[number, number, number]} */ (timeLine ? timeLine.slice(TIME_MARK.length).split(' ').map(Number) : [NaN, NaN, NaN]);
  return { wall, cpu: user + system, rss: rssKb / 1024, status: run.status, stdout: run.stdout, stderr };
}

/** @param {string} text */
const indent = (text) => text.split('\n').slice(0, 30).map((line) => `    ${line}`).join('\n');

/**
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ index) => /** @type {number} */ (sorted[index]);
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/**
 * Medians of wall and CPU time, and the highest peak memory, over a list of samples.
 * @param {{ wall: number, cpu: number, rss: number }[]} samples
 */
export function summarise(samples) {
  return {
    runs: samples.length,
    wall: median(samples.map((sample) => sample.wall)),
    cpu: median(samples.map((sample) => sample.cpu)),
    rss: Math.max(...samples.map((sample) => sample.rss)),
  };
}

/**
 * Ratios computed pair by pair: sample i of `numerator` was measured next to sample i of
 * `denominator`, so load that shifts during a run affects both; the figure is the median ratio.
 * @param {{ wall: number, cpu: number, rss: number }[]} numerator
 * @param {{ wall: number, cpu: number, rss: number }[]} denominator
 * @param {'wall' | 'cpu' | 'rss'} [key]
 */
export function pairedRatio(numerator, denominator, key = 'wall') {
  const ratios = numerator.map((sample, index) => sample[key] / (denominator[index]?.[key] ?? NaN));
  return { ratio: median(ratios), ratios };
}
