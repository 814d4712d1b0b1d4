import { eventTimes, type Cast } from './asciicast.ts';

/** What a block's recording must show, from the rehearsal's report and the demo script. */
export interface ExpectedRecording {
  /** The terminal size the pane shows it at. */
  size: { cols: number; rows: number };
  /** The block's commands in the script's order. */
  blockCommands: readonly string[];
  /** The steps the report says ran, in order, with their exit codes. */
  steps: readonly { command: string; exitCode: number }[];
}

/** Machinery that must never reach the recorded screen: the session's OSC and its variables. */
const MACHINERY = [new RegExp(String.raw`\u001b\]7719;`), /__docker_talk/];

/**
 * The problems of a written recording, none when it is right: time never goes back; one `m`
 * marker per step, labelled with its command, in the block's order; the header's steps and the
 * final `x` event agree with the report's exit codes; each marker is followed by output; nothing
 * of the rehearsal's machinery shows. Pure: the rehearsal's tests and the build use it alike.
 */
export function validateRecording(cast: Cast, expected: ExpectedRecording): string[] {
  const problems: string[] = [];
  const { header, events } = cast;
  if (header.term.cols !== expected.size.cols || header.term.rows !== expected.size.rows) {
    problems.push(
      `recorded at ${header.term.cols}x${header.term.rows}, shown at ${expected.size.cols}x${expected.size.rows}`,
    );
  }
  const times = eventTimes(events);
  events.forEach(([interval], index) => {
    if (!(interval >= 0) || !Number.isFinite(interval)) {
      problems.push(`event ${index + 1} goes back in time (interval ${interval})`);
    }
  });
  if (times.some((time, index) => index > 0 && time < (times[index - 1] ?? 0))) {
    problems.push('the event times are not monotonic');
  }

  const labels = events.filter(([, code]) => code === 'm').map(([, , label]) => label);
  const ran = expected.steps.map((step) => step.command);
  if (JSON.stringify(labels) !== JSON.stringify(ran)) {
    problems.push(`markers ${JSON.stringify(labels)} are not the steps that ran ${JSON.stringify(ran)}`);
  }
  // The steps are the block's commands in order, some left out (offline), none invented or swapped.
  let next = 0;
  for (const command of ran) {
    const at = expected.blockCommands.indexOf(command, next);
    if (at < 0) {
      problems.push(
        `the step "${command}" is not the block's next command (out of order, or not in the block)`,
      );
      break;
    }
    next = at + 1;
  }
  events.forEach(([, code], index) => {
    if (code !== 'm') return;
    const following = events.slice(index + 1).findIndex(([, nextCode]) => nextCode !== 'o');
    const outputs = following < 0 ? events.length - index - 1 : following;
    if (outputs === 0) problems.push(`the marker at event ${index + 1} is followed by no output`);
  });

  const origin = header.docker_talk;
  if (!origin) problems.push('the header has no docker_talk origin');
  else {
    for (const field of ['block', 'slide', 'engine', 'engineKey', 'scriptHash', 'recordedAt'] as const) {
      if (typeof origin[field] !== 'string' || origin[field] === '')
        problems.push(`docker_talk.${field} is empty`);
    }
    if (JSON.stringify(origin.steps) !== JSON.stringify(expected.steps)) {
      problems.push(
        `the header's steps ${JSON.stringify(origin.steps)} are not the report's ${JSON.stringify(expected.steps)}`,
      );
    }
  }

  const exits = events.filter(([, code]) => code === 'x');
  const final = events.at(-1);
  const last = expected.steps.at(-1);
  if (exits.length !== 1 || final?.[1] !== 'x') {
    problems.push(`${exits.length} x events; one, the last event, is expected`);
  } else if (last && final[2] !== String(last.exitCode)) {
    problems.push(`the x event says ${final[2]}, the last step exited ${last.exitCode}`);
  }

  // All output at once: a sequence split over two events is still one sequence on the screen.
  const shown = events
    .filter(([, code]) => code === 'o')
    .map(([, , data]) => data)
    .join('');
  for (const pattern of MACHINERY) {
    const at = shown.search(pattern);
    if (at >= 0) {
      problems.push(
        `the output shows the rehearsal's machinery: ${JSON.stringify(shown.slice(at, at + 60))}`,
      );
    }
  }
  return problems;
}
