/**
 * `cli render`: the app's exported figure, computed in Node (the same view-figure.ts → figure.ts path the
 * "Export SVG" button takes). The view options are read exactly as a link is (view-options.ts), so the
 * CLI accepts what a link accepts and draws what the app exports for that link.
 *
 *   render [view options] [--width W --height H] [--animated [--seconds S]] [--scale 1|2|4] --out FILE.svg|FILE.png|-
 *
 * With --lab map[:res=N:colour=…] the figure is the view's start-point map (src/export/map-figure.ts, the
 * app's map export), computed here on one thread.
 *
 * FILE.png is rasterised by @resvg/resvg-js (a prebuilt binary shipped inside its npm package) with the
 * system fonts; --scale multiplies the pixel size.
 */
import { writeFileSync } from 'node:fs';
import { figureSpecForView, DEFAULT_SIZE } from '../export/view-figure.ts';
import { figureSvg, MAX_SIDE, MIN_HEIGHT, MIN_WIDTH } from '../export/figure.ts';
import { mapFigureSvg } from '../export/map-figure.ts';
import { viewMap } from '../view/view-map.ts';
import { encodeView } from '../view/link.ts';
import { readNumber, type NumberRange } from '../view/numbers.ts';
import { fail, ok, type Result } from '../view/result.ts';
import type { ViewState } from '../view/state.ts';
import { VOCABULARY } from '../view/vocabulary.ts';
import { helpText, orUsageError, parseFlags, type FlagDecl } from './args.ts';
import { readViewFlags, viewFlags } from './view-options.ts';

const WIDTH: NumberRange = { min: MIN_WIDTH, max: MAX_SIDE, integer: true };
const HEIGHT: NumberRange = { min: MIN_HEIGHT, max: MAX_SIDE, integer: true };
const SECONDS: NumberRange = { min: 0.001, max: 600 };
const SCALES = ['1', '2', '4'];

const OWN_FLAGS: readonly FlagDecl[] = [
  { name: 'out', kind: 'value', arg: 'FILE', help: 'FILE.svg, FILE.png, or - for the SVG on standard output (required)' },
  { name: 'width', kind: 'value', arg: 'W', help: `figure width in pixels, ${MIN_WIDTH} to ${MAX_SIDE} (default ${DEFAULT_SIZE.width})` },
  { name: 'height', kind: 'value', arg: 'H', help: `figure height in pixels, ${MIN_HEIGHT} to ${MAX_SIDE} (default ${DEFAULT_SIZE.height})` },
  { name: 'animated', kind: 'boolean', arg: '', help: 'an SVG that draws the race in' },
  { name: 'seconds', kind: 'value', arg: 'S', help: 'length of the animation, up to 600 (default 6)' },
  { name: 'scale', kind: 'value', arg: '1|2|4', help: 'PNG pixels per figure pixel (default 1)' },
];
const FLAGS = [...viewFlags('figure'), ...OWN_FLAGS];

export const RENDER_HELP = helpText('usage: cli render [view options] [figure options] --out FILE.svg|FILE.png|-', [
  ["view options (as in the app's link)", viewFlags('figure')],
  ['figure options', OWN_FLAGS],
]);

export interface RenderOptions {
  readonly view: ViewState;
  readonly width: number;
  readonly height: number;
  readonly animateSeconds?: number;
  readonly scale: number;
  readonly out: string;
}

function numberFlag(flag: string, text: string | undefined, range: NumberRange, fallback: number, what: string): Result<number, string> {
  if (text === undefined) return ok(fallback);
  const v = readNumber(text, range);
  return v.ok ? v : fail(`--${flag}: expected ${what}, got ${JSON.stringify(text)}`);
}

export function parseRenderArgs(argv: readonly string[]): Result<RenderOptions, string> {
  const flags = parseFlags(argv, FLAGS);
  if (!flags.ok) return flags;
  const { values, booleans } = flags.value;
  const out = values.out;
  if (out === undefined) return fail('--out FILE.svg, FILE.png or - (standard output) is required');
  if (!/\.(svg|png)$/i.test(out) && out !== '-') return fail(`--out: expected a name ending in .svg or .png, or -, got ${JSON.stringify(out)}`);
  const width = numberFlag('width', values.width, WIDTH, DEFAULT_SIZE.width, `whole pixels from ${MIN_WIDTH} to ${MAX_SIDE}`);
  if (!width.ok) return width;
  const height = numberFlag('height', values.height, HEIGHT, DEFAULT_SIZE.height, `whole pixels from ${MIN_HEIGHT} to ${MAX_SIDE}`);
  if (!height.ok) return height;
  const seconds = numberFlag('seconds', values.seconds, SECONDS, 6, 'a duration in seconds, more than 0 and up to 600');
  if (!seconds.ok) return seconds;
  if (values.scale !== undefined && !SCALES.includes(values.scale)) return fail(`--scale: expected 1, 2 or 4, got ${JSON.stringify(values.scale)}`);
  const view = readViewFlags(flags.value, 'figure');
  if (!view.ok) return view;
  if (view.value.lab?.kind === 'map' && booleans.has('animated')) return fail('--animated: a start-point map (--lab map) is a still figure; leave out --animated');
  return ok({
    view: view.value,
    width: width.value,
    height: height.value,
    animateSeconds: booleans.has('animated') ? seconds.value : undefined,
    scale: Number(values.scale ?? 1),
    out,
  });
}

export function renderSvg(o: Pick<RenderOptions, 'view' | 'width' | 'height' | 'animateSeconds'>): string {
  if (o.view.lab?.kind === 'map') return mapFigureSvg(o.view, viewMap(o.view, o.view.lab.res), o);
  const spec = figureSpecForView(o.view, { width: o.width, height: o.height });
  return figureSvg(spec, o.animateSeconds === undefined ? {} : { animateSeconds: o.animateSeconds });
}

export async function svgToPngNode(svg: string, scale: number): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true } });
  return resvg.render().asPng();
}

/** Exit code: 0 written; bad arguments throw UsageError (status 2); a failed drawing throws (status 1). */
export async function renderCommand(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${RENDER_HELP}\n`);
    return 0;
  }
  const options = orUsageError(parseRenderArgs(argv));
  const svg = renderSvg(options);
  if (options.out === '-') {
    process.stdout.write(svg);
  } else if (/\.png$/i.test(options.out)) {
    writeFileSync(options.out, await svgToPngNode(svg, options.scale));
  } else {
    writeFileSync(options.out, svg);
  }
  if (options.out !== '-') process.stderr.write(`wrote ${options.out} (${encodeView(options.view, VOCABULARY)})\n`);
  return 0;
}
