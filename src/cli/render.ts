/**
 * `cli render`: the app's exported figure, computed in Node (the same view-figure.ts → figure.ts path the
 * "Export SVG" button takes). The options are translated into the app's URL state and decoded by the
 * same codec (src/export/url-state.ts), so the CLI accepts exactly what a link accepts; anything the
 * codec would ignore with a notice is an error here instead.
 *
 *   render [--surface ID | --expr "f(x,y)" [--domain X0,X1,Y0,Y1]] [--start X,Y] [--optimizers a,b,…]
 *          [--set OPT.PARAM=VALUE …] [--steps N] [--target T] [--noise SIGMA] [--seed N] [--schedule SPEC] [--k N]
 *          [--width W --height H] [--animated [--seconds S]] [--scale 1|2|4] --out FILE.svg|FILE.png|-
 *
 * FILE.png is rasterised by @resvg/resvg-js (a prebuilt binary shipped inside its npm package) with the
 * system fonts; --scale multiplies the pixel size.
 */
import { writeFileSync } from 'node:fs';
import { decodeView, encodeView, type ViewState } from '../export/url-state.ts';
import { VOCABULARY } from '../export/view-vocabulary.ts';
import { figureSpecForView, DEFAULT_SIZE } from '../export/view-figure.ts';
import { figureSvg, MAX_SIDE, MIN_HEIGHT, MIN_WIDTH } from '../export/figure.ts';

export const RENDER_USAGE = `usage: cli render [--surface ID | --expr "f(x,y)" [--domain X0,X1,Y0,Y1]] [--start X,Y]
       [--optimizers a,b,...] [--set OPT.PARAM=VALUE ...] [--steps N] [--target T] [--noise SIGMA] [--seed N]
       [--schedule SPEC] [--k N] [--width W --height H] [--animated [--seconds S]] [--scale 1|2|4] --out FILE.svg|FILE.png|-`;

const URL_FLAGS: Readonly<Record<string, string>> = {
  '--surface': 's',
  '--expr': 'f',
  '--domain': 'dom',
  '--start': 'start',
  '--optimizers': 'opt',
  '--steps': 'steps',
  '--target': 'target',
  '--noise': 'noise',
  '--seed': 'seed',
  '--schedule': 'sched',
  '--k': 'k',
};

export interface RenderOptions {
  readonly view: ViewState;
  readonly width: number;
  readonly height: number;
  readonly animateSeconds?: number;
  readonly scale: number;
  readonly out: string;
}

/** Parsed options, or a one-line error message. */
export function parseRenderArgs(argv: readonly string[]): RenderOptions | string {
  const params = new URLSearchParams();
  let width: number = DEFAULT_SIZE.width;
  let height: number = DEFAULT_SIZE.height;
  let animated = false;
  let seconds = 6;
  let scale = 1;
  let out: string | null = null;
  const whole = (flag: string, text: string): number | string => {
    const v = Number(text);
    return /^\d+$/.test(text) && Number.isSafeInteger(v) ? v : `${flag} expects a whole number, got ${JSON.stringify(text)}`;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--animated') {
      animated = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) return `${flag} needs a value`;
    i++;
    if (flag in URL_FLAGS) {
      params.set(URL_FLAGS[flag], value);
    } else if (flag === '--set') {
      const m = /^([a-z]+\.[a-zA-Z0-9]+)=(.*)$/.exec(value);
      if (!m) return `--set expects OPT.PARAM=VALUE, got ${JSON.stringify(value)}`;
      params.set(m[1], m[2]);
    } else if (flag === '--width' || flag === '--height') {
      const v = whole(flag, value);
      if (typeof v === 'string') return v;
      if (flag === '--width') width = v;
      else height = v;
    } else if (flag === '--seconds') {
      seconds = Number(value);
      if (!(seconds > 0 && seconds <= 600)) return `--seconds expects a duration from 0 to 600, got ${JSON.stringify(value)}`;
    } else if (flag === '--scale') {
      if (!['1', '2', '4'].includes(value)) return `--scale expects 1, 2 or 4, got ${JSON.stringify(value)}`;
      scale = Number(value);
    } else if (flag === '--out') {
      out = value;
    } else {
      return `unknown option ${JSON.stringify(flag)}`;
    }
  }
  if (out === null) return '--out FILE.svg, FILE.png or - (standard output) is required';
  if (!/\.(svg|png)$/i.test(out) && out !== '-') return `--out must end in .svg or .png (or be -), got ${JSON.stringify(out)}`;
  if (params.has('s') && params.has('f')) return 'give either --surface or --expr, not both';
  if (!params.has('s') && !params.has('f')) params.set('s', VOCABULARY.surfaces[0].id);
  if (params.has('s') && params.has('dom')) return '--domain applies to --expr only (a surface has its own domain)';
  if (width < MIN_WIDTH || width > MAX_SIDE) return `--width expects ${MIN_WIDTH} to ${MAX_SIDE} pixels, got ${width}`;
  if (height < MIN_HEIGHT || height > MAX_SIDE) return `--height expects ${MIN_HEIGHT} to ${MAX_SIDE} pixels, got ${height}`;
  const decoded = decodeView(params.toString(), VOCABULARY);
  if (decoded.notices.length > 0) return decoded.notices.map(asArgumentError).join(' ');
  // As in `race`: without it a typed expression would start at the first surface's point, off its plot.
  if (params.has('f') && !params.has('start')) return '--expr needs --start X,Y';
  return { view: decoded.view, width, height, animateSeconds: animated ? seconds : undefined, scale, out };
}

/** The codec's notices speak of a link whose bad fields were ignored; here they are rejected arguments. */
function asArgumentError(notice: string): string {
  return notice
    .replace(/ The default view is shown instead\./, '')
    .replace(/^The link's expression/, '--expr')
    .replace(/^The link names an unknown surface/, '--surface: unknown surface')
    .replace(/^Ignored the unknown optimizer/, '--optimizers: unknown optimizer')
    .replace(/^Ignored (the )?/, 'invalid ');
}

export function renderSvg(o: Pick<RenderOptions, 'view' | 'width' | 'height' | 'animateSeconds'>): string {
  const spec = figureSpecForView(o.view, { width: o.width, height: o.height });
  return figureSvg(spec, o.animateSeconds === undefined ? {} : { animateSeconds: o.animateSeconds });
}

export async function svgToPngNode(svg: string, scale: number): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true } });
  return resvg.render().asPng();
}

/** Exit code: 0 written, 2 bad arguments, 1 rendering failed. */
export async function renderCommand(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${RENDER_USAGE}\n`);
    return 0;
  }
  const options = parseRenderArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`render: ${options}\n${RENDER_USAGE}\n`);
    return 2;
  }
  let svg: string;
  try {
    svg = renderSvg(options);
  } catch (err) {
    process.stderr.write(`render: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
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
