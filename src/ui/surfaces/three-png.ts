/**
 * The 3-D view's PNG export: the picture at the current camera with a caption under it that says what it
 * shows (title, iteration k of N, the camera, each run's name and hyperparameters, noise and seed), so a
 * reader can reproduce it; the link does the rest. Drawn on a 2-D canvas at the WebGL canvas's own
 * resolution, white behind (a PNG of the WebGL buffer alone would be transparent where nothing is drawn).
 */
export interface PngCaption {
  readonly title: string;
  readonly lines: readonly { readonly text: string; readonly colour?: string }[];
}

const LINE = 18;
const PAD = 12;

/** `scale`: device pixels per CSS pixel of the picture (the caption's text is laid out in CSS pixels). */
export function compose3dPng(picture: HTMLCanvasElement, caption: PngCaption, scale: number): Promise<Blob> {
  const out = document.createElement('canvas');
  out.width = picture.width;
  out.height = picture.height + Math.ceil((PAD * 2 + LINE * (caption.lines.length + 1)) * scale);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(picture, 0, 0);
  ctx.scale(scale, scale);
  let y = picture.height / scale + PAD + 13;
  ctx.font = '600 14px system-ui, sans-serif';
  ctx.fillStyle = '#111';
  ctx.fillText(caption.title, PAD, y);
  ctx.font = '12px system-ui, sans-serif';
  for (const line of caption.lines) {
    y += LINE;
    ctx.fillStyle = line.colour ?? '#333';
    ctx.fillText(line.text, PAD, y);
  }
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
}
