/**
 * A guided lesson (issue 11, Lessons) as data: a title, a paragraph, a "try this" suggestion, and what it
 * opens — a surfaces view link (the page hash without '#', read by src/view/link.ts like any other link,
 * version 2 so targets are gaps f − f*) and/or a registered figure (figures.ts). Adding a lesson is one
 * file and one line in index.ts; no component changes.
 */
import type { FigureId } from './figures.ts';

interface LessonText {
  /** A URL word, unique among lessons. */
  readonly id: string;
  readonly title: string;
  readonly paragraph: string;
  readonly tryThis: string;
  /** Where in the course this comes from. */
  readonly source: string;
}

export type Lesson = LessonText & ({ readonly link: string; readonly figure?: FigureId } | { readonly link?: undefined; readonly figure: FigureId });
