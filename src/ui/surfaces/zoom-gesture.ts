/**
 * The plot's zoom and pan gestures, as a Svelte attachment on the plot's pointer layer: d3-zoom with a
 * filter. Ctrl/⌘ + wheel (and a trackpad pinch, which browsers send as Ctrl + wheel) and a two-finger pinch
 * zoom; Shift-drag and two fingers pan. A plain wheel is not taken (the page scrolls), nor a plain drag or
 * one finger (they move the start), nor a double click.
 *
 * Contract: `plot()` gives the committed domain and the plot box in the layer's px, read when an event
 * arrives. During a gesture `onpreview(domain)` reports the domain shown (clamped to the limits,
 * src/render/zoom.ts), for the plot to transform its drawn layers; when the gesture ends, `onpreview(null)`
 * and, if the domain moved, `oncommit(domain)` with the domain rounded for the link. The gesture's transform
 * then returns to the identity: the committed domain is the next gesture's base.
 */
import type { Attachment } from 'svelte/attachments';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, ZoomTransform, type D3ZoomEvent } from 'd3-zoom';
import type { Domain } from '../../math/grid.ts';
import type { PlotBox } from '../../render/projection.ts';
import { clampDomain, roundDomain, transformBetween, transformedDomain, wheelZoomExponent } from '../../render/zoom.ts';

export interface ZoomGesture {
  plot(): { readonly domain: Domain; readonly box: PlotBox };
  onpreview(domain: Domain | null): void;
  oncommit(domain: Domain): void;
}

type Input = MouseEvent | WheelEvent | TouchEvent;

function takes(e: Input): boolean {
  if (e.type === 'wheel') return e.ctrlKey || e.metaKey;
  if (e.type === 'mousedown') return (e as MouseEvent).shiftKey && (e as MouseEvent).button === 0;
  if (e.type === 'touchstart') return (e as TouchEvent).touches.length >= 2;
  return false;
}

export function zoomGesture(g: ZoomGesture): Attachment<SVGSVGElement> {
  const shownBy = (t: ZoomTransform): Domain => {
    const { domain, box } = g.plot();
    return clampDomain(transformedDomain(domain, box, t));
  };
  const behaviour = zoom<SVGSVGElement, unknown>()
    .filter(takes)
    .wheelDelta((e: WheelEvent) => wheelZoomExponent(e.deltaY, e.deltaMode))
    // The transform always shows a domain inside the limits, so a gesture that hits one does not wind up.
    .constrain((t) => {
      if (!(t.k > 0 && Number.isFinite(t.k) && Number.isFinite(t.x) && Number.isFinite(t.y))) return zoomIdentity;
      const { domain, box } = g.plot();
      const raw = transformedDomain(domain, box, t);
      const kept = clampDomain(raw);
      if (kept === raw) return t;
      const m = transformBetween(domain, kept, box);
      return new ZoomTransform(m.kx, m.x, m.y);
    })
    .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => g.onpreview(shownBy(e.transform)))
    .on('end', function (this: SVGSVGElement, e: D3ZoomEvent<SVGSVGElement, unknown>) {
      const t = e.transform;
      const moved = t.k !== 1 || t.x !== 0 || t.y !== 0;
      const domain = moved ? roundDomain(shownBy(t)) : null;
      select(this).property('__zoom', zoomIdentity);
      g.onpreview(null);
      if (domain) g.oncommit(domain);
    });
  return (el) => {
    const sel = select(el);
    sel.call(behaviour).on('dblclick.zoom', null);
    return () => {
      sel.on('.zoom', null);
    };
  };
}
