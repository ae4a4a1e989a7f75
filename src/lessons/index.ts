/**
 * THE LESSONS, in the order the section shows them (the course's order). Each is one file of data
 * (types.ts); adding one is a file and a line here.
 */
import { sgdZigzag } from './01-sgd-zigzag.ts';
import { ewaLesson } from './02-ewa.ts';
import { rmspropLesson } from './03-rmsprop.ts';
import { adamLesson } from './04-adam.ts';
import { nesterovLesson } from './05-nesterov.ts';
import { saddleLesson } from './06-saddle.ts';
import { batchLesson } from './07-batch-size.ts';
import { schedulesLesson } from './08-schedules.ts';
import { linregRaceLesson } from './09-linreg-race.ts';
import { conditioningLesson } from './10-conditioning.ts';
import type { Lesson } from './types.ts';

export type { Lesson } from './types.ts';
export { FIGURES, type FigureId } from './figures.ts';

export const LESSONS: readonly Lesson[] = [
  sgdZigzag,
  ewaLesson,
  rmspropLesson,
  adamLesson,
  nesterovLesson,
  saddleLesson,
  batchLesson,
  schedulesLesson,
  linregRaceLesson,
  conditioningLesson,
];
