/**
 * The plot's kind and the 3-D camera as view fields (issue 11, "3-D view"): `plot=3d` shows the surface in
 * 3-D instead of contours, `cam=AZ,EL,DIST` is the camera (azimuth and elevation in degrees, distance in
 * units of half the domain's longer side). App-only: the 3-D view exports PNG at its camera, and the SVG
 * export, the embed page and `cli render` draw contours, so neither field has a CLI flag.
 */
import type { ScalarField } from './field.ts';
import { expected, wordField } from './field-kinds.ts';
import { readNumberList } from './numbers.ts';
import type { PlotKind, ViewCamera, ViewState } from './state.ts';

export const DEFAULT_CAMERA: ViewCamera = { azimuth: -35, elevation: 38, distance: 3.4 };
/** The camera's limits, which the orbit controls keep to as well. */
export const CAMERA_LIMITS = { azimuth: [-180, 180], elevation: [-20, 90], distance: [1, 12] } as const;

export function plotField<C>(): ScalarField<ViewState, 'plot', C> {
  return wordField<ViewState, 'plot', C>({
    name: 'plot',
    key: 'plot',
    flag: null,
    label: 'the plot',
    help: 'contours (default) or 3d: the surface in 3-D with the same runs (app only)',
    words: ['contours', '3d'] satisfies PlotKind[],
    write: 'unless-default',
    default: () => 'contours',
  });
}

export function cameraField<C>(): ScalarField<ViewState, 'camera', C> {
  const { azimuth, elevation, distance } = CAMERA_LIMITS;
  return {
    kind: 'scalar',
    name: 'camera',
    key: 'cam',
    flag: null,
    label: 'the 3-D camera',
    help: 'azimuth and elevation in degrees, and distance, of the 3-D view (app only)',
    write: 'unless-default',
    default: () => DEFAULT_CAMERA,
    parse(text) {
      const v = readNumberList(text, 3, { min: -180, max: 180 });
      if (v && v[1] >= elevation[0] && v[1] <= elevation[1] && v[2] >= distance[0] && v[2] <= distance[1] && v[0] >= azimuth[0]) {
        return { ok: true, value: { azimuth: v[0], elevation: v[1], distance: v[2] } };
      }
      return expected(`azimuth,elevation,distance with azimuth in [−180, 180], elevation in [−20, 90] and distance in [1, 12]`);
    },
    format: (c) => `${c.azimuth},${c.elevation},${c.distance}`,
  };
}
