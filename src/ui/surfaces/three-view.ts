/**
 * The 3-D view's renderer: three.js draws the geometry of render/height-field.ts (the surface mesh coloured
 * by the band ramp with soft light baked into its vertex colours, the runs' lifted paths in their colours
 * and dashes as flat ribbons (render/ribbon.ts: what software WebGL draws fast), their current points as
 * the same marker glyphs the 2-D plot draws, painted onto sprites, the start and the marked minima),
 * orbited with OrbitControls (mouse drag / one finger to orbit, wheel / pinch to zoom, right drag / two
 * fingers to pan). Loaded only when the user first opens the 3-D view (Surface3D.svelte imports this
 * module dynamically, so three.js sits in its own chunk).
 *
 * The camera is spherical around the surface's centre: azimuth and elevation in degrees, distance in world
 * units (the domain's longer side is 2), which is what a link stores (`cam=`).
 * Per playback frame only each run's instance count and marker position change, then one render.
 */
import {
  BufferAttribute,
  BufferGeometry,
  CanvasTexture,
  Color,
  DoubleSide,
  LineBasicMaterial,
  LineLoop,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  Scene,
  Sprite,
  SpriteMaterial,
  SRGBColorSpace,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { bandColour } from '../../render/colour-scale.ts';
import { HEIGHT, keptThrough, type SurfaceMesh, type ThinnedPath } from '../../render/height-field.ts';
import type { Glyph } from '../../render/markers.ts';
import { PATH_WIDTH } from '../../render/palette.ts';
import { ribbon } from '../../render/ribbon.ts';
import { outlineD } from '../../render/svg-path.ts';
import { CAMERA_LIMITS, DEFAULT_CAMERA } from '../../view/plot-fields.ts';
import type { ViewCamera } from '../../view/state.ts';

/** Azimuth 0 looks along +y; elevation is above the floor (the view field's contract, plot-fields.ts). */
export type Camera3D = ViewCamera;
const TARGET = new Vector3(0, 0, HEIGHT / 3);
const LIGHT = new Vector3(-1.5, -2, 4).normalize();
const AMBIENT = 0.6;
/** A path's width and dashes are given in px for the 2-D plot; at the default camera a px is about this many world units. */
const WORLD_PER_PX = 0.0035;

export interface ThreeRun {
  readonly colour: string;
  readonly dash: string;
  /** Lifted path, xyz per recorded point: where the marker sits at iteration k. */
  readonly positions: Float32Array;
  /** The same path thinned (height-field.ts), which the line draws. */
  readonly line: ThinnedPath;
  readonly glyph: Glyph;
}

export interface ThreeMarker {
  readonly at: readonly [number, number, number];
  readonly glyph: Glyph;
}

export interface ThreeView {
  setSurface(mesh: SurfaceMesh, frame: { halfX: number; halfY: number }): void;
  setRuns(runs: readonly ThreeRun[], markers: readonly ThreeMarker[]): void;
  /** Draw every run up to iteration k. */
  setK(k: number): void;
  setCamera(camera: Camera3D): void;
  resize(width: number, height: number): void;
  /** The WebGL canvas. */
  readonly canvas: HTMLCanvasElement;
  /**
   * The current picture on a 2-D canvas, for the PNG export: drawn again and copied in the same task,
   * since the WebGL buffer is not preserved between frames (keeping it costs software WebGL a copy a frame).
   */
  snapshot(): HTMLCanvasElement;
  dispose(): void;
}

/** A glyph painted at the centre of a square canvas of `size` px (device pixels), for a sprite. */
function glyphTexture(glyph: Glyph, size: number, scale: number): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  const c = size / scale / 2;
  for (const part of glyph) {
    const path = new Path2D(outlineD(part.outline, c, c));
    if (part.fill) {
      ctx.fillStyle = part.fill;
      ctx.fill(path);
    }
    if (part.stroke) {
      ctx.strokeStyle = part.stroke;
      ctx.lineWidth = part.strokeWidth;
      ctx.lineJoin = 'round';
      ctx.stroke(path);
    }
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

function cameraPosition({ azimuth, elevation, distance }: Camera3D): Vector3 {
  const a = (azimuth * Math.PI) / 180;
  const e = (elevation * Math.PI) / 180;
  return new Vector3(distance * Math.cos(e) * Math.sin(a), -distance * Math.cos(e) * Math.cos(a), distance * Math.sin(e)).add(TARGET);
}

function cameraOf(position: Vector3): Camera3D {
  const d = position.clone().sub(TARGET);
  const distance = d.length();
  const round = (v: number, digits: number) => Number(v.toFixed(digits));
  return {
    azimuth: round((Math.atan2(d.x, -d.y) * 180) / Math.PI, 1),
    elevation: Math.min(90, Math.max(CAMERA_LIMITS.elevation[0], round((Math.asin(d.z / distance) * 180) / Math.PI, 1))),
    distance: round(distance, 2),
  };
}

/** Throws where WebGL is unavailable; the caller shows its message and keeps the 2-D view. */
export function createThreeView(host: HTMLElement, onCamera: (camera: Camera3D) => void): ThreeView {
  const renderer = new WebGLRenderer({ antialias: true });
  renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
  renderer.setClearColor(0xffffff, 1);
  host.appendChild(renderer.domElement);
  const dpr = renderer.getPixelRatio();

  const scene = new Scene();
  const camera = new PerspectiveCamera(40, 1, 0.01, 100);
  camera.up.set(0, 0, 1);
  camera.position.copy(cameraPosition(DEFAULT_CAMERA));
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.target.copy(TARGET);
  controls.minDistance = CAMERA_LIMITS.distance[0];
  controls.maxDistance = CAMERA_LIMITS.distance[1];
  controls.maxPolarAngle = ((90 - CAMERA_LIMITS.elevation[0]) * Math.PI) / 180;
  controls.update();

  let surface: Mesh | null = null;
  let outline: LineLoop | null = null;
  let lines: { line: Mesh; at: Uint32Array; vertexEnd: Uint32Array }[] = [];
  let heads: { sprite: Sprite; positions: Float32Array }[] = [];
  let fixed: Sprite[] = [];
  let k = 0;
  let width = 1;
  let height = 1;

  const render = () => renderer.render(scene, camera);
  controls.addEventListener('change', render);
  // A gesture ends on the camera a link can hold (rounded: 0.1°, 0.01): the view snaps to it, so the
  // picture now is the picture the link reproduces.
  controls.addEventListener('end', () => {
    const held = cameraOf(camera.position);
    camera.position.copy(cameraPosition(held));
    controls.update();
    onCamera(held);
  });

  const spriteFor = (glyph: Glyph, px: number): Sprite => {
    const size = Math.ceil(px * dpr);
    const sprite = new Sprite(new SpriteMaterial({ map: glyphTexture(glyph, size, dpr), sizeAttenuation: false, depthTest: false, transparent: true }));
    sprite.userData.px = px;
    sprite.renderOrder = 10;
    return sprite;
  };
  /** Sprites without size attenuation are sized as a fraction of the viewport height. */
  const sizeSprites = () => {
    for (const s of [...heads.map((h) => h.sprite), ...fixed]) {
      const f = (s.userData.px as number) / height;
      s.scale.set(f, f, 1);
    }
  };

  const dropRuns = () => {
    for (const { line } of lines) {
      scene.remove(line);
      line.geometry.dispose();
      (line.material as MeshBasicMaterial).dispose();
    }
    for (const s of [...heads.map((h) => h.sprite), ...fixed]) {
      scene.remove(s);
      s.material.map?.dispose();
      s.material.dispose();
    }
    lines = [];
    heads = [];
    fixed = [];
  };

  const showK = () => {
    for (const { line, at, vertexEnd } of lines) {
      const vertices = vertexEnd[Math.max(0, keptThrough(at, k) - 1)];
      line.geometry.setDrawRange(0, vertices);
      line.visible = vertices > 0;
    }
    for (const { sprite, positions } of heads) {
      const last = positions.length / 3 - 1;
      const i = Math.min(k, last);
      sprite.position.set(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
    }
  };

  return {
    canvas: renderer.domElement,
    setSurface(mesh, frame) {
      if (surface) {
        scene.remove(surface);
        surface.geometry.dispose();
        (surface.material as MeshBasicMaterial).dispose();
      }
      if (outline) {
        scene.remove(outline);
        outline.geometry.dispose();
      }
      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3));
      geometry.setIndex(new BufferAttribute(mesh.indices, 1));
      geometry.computeVertexNormals();
      // Soft light from above and one side, baked into the vertex colours once (an unlit material is what
      // software WebGL draws fastest), so slopes read as slopes and the band colours stay recognisable.
      const normals = geometry.getAttribute('normal');
      const colours = new Float32Array(mesh.heights.length * 3);
      const c = new Color();
      for (let v = 0; v < mesh.heights.length; v++) {
        const lit = Math.abs(normals.getX(v) * LIGHT.x + normals.getY(v) * LIGHT.y + normals.getZ(v) * LIGHT.z);
        c.set(bandColour(mesh.heights[v] * 1000, 1000)).multiplyScalar(AMBIENT + (1 - AMBIENT) * lit);
        colours.set([c.r, c.g, c.b], 3 * v);
      }
      geometry.setAttribute('color', new BufferAttribute(colours, 3));
      surface = new Mesh(geometry, new MeshBasicMaterial({ vertexColors: true, side: DoubleSide, polygonOffset: true, polygonOffsetFactor: 1, polygonOffsetUnits: 1 }));
      scene.add(surface);
      // The domain's frame on the floor, so the eye has a base to read heights from.
      const { halfX, halfY } = frame;
      const base = new BufferGeometry().setFromPoints([new Vector3(-halfX, -halfY, 0), new Vector3(halfX, -halfY, 0), new Vector3(halfX, halfY, 0), new Vector3(-halfX, halfY, 0)]);
      outline = new LineLoop(base, new LineBasicMaterial({ color: 0x4a5560 }));
      scene.add(outline);
      render();
    },
    setRuns(runs, markers) {
      dropRuns();
      for (const run of runs) {
        const dash = run.dash ? run.dash.split(/[ ,]+/).map((d) => Number(d) * WORLD_PER_PX) : [];
        const band = ribbon(run.line.positions, PATH_WIDTH * WORLD_PER_PX, dash);
        const geometry = new BufferGeometry();
        geometry.setAttribute('position', new BufferAttribute(band.positions, 3));
        const line = new Mesh(geometry, new MeshBasicMaterial({ color: new Color(run.colour), side: DoubleSide }));
        line.renderOrder = 1;
        scene.add(line);
        lines.push({ line, at: run.line.at, vertexEnd: band.vertexEnd });
        const sprite = spriteFor(run.glyph, 16);
        scene.add(sprite);
        heads.push({ sprite, positions: run.positions });
      }
      for (const m of markers) {
        const sprite = spriteFor(m.glyph, 18);
        sprite.position.set(...m.at);
        scene.add(sprite);
        fixed.push(sprite);
      }
      sizeSprites();
      showK();
      render();
    },
    setK(next) {
      if (next === k) return;
      k = next;
      showK();
      render();
    },
    setCamera(next) {
      const current = cameraOf(camera.position);
      if (current.azimuth === next.azimuth && current.elevation === next.elevation && current.distance === next.distance) return;
      camera.position.copy(cameraPosition(next));
      controls.update();
      render();
    },
    resize(w, h) {
      width = Math.max(1, w);
      height = Math.max(1, h);
      renderer.setSize(width, height, false);
      renderer.domElement.style.width = `${width}px`;
      renderer.domElement.style.height = `${height}px`;
      camera.aspect = width / height;
      camera.updateProjectionMatrix();
      sizeSprites();
      render();
    },
    snapshot() {
      render();
      const copy = document.createElement('canvas');
      copy.width = renderer.domElement.width;
      copy.height = renderer.domElement.height;
      copy.getContext('2d')!.drawImage(renderer.domElement, 0, 0);
      return copy;
    },
    dispose() {
      dropRuns();
      controls.dispose();
      renderer.dispose();
      renderer.domElement.remove();
    },
  };
}
