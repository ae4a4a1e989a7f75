/**
 * Browser only: rasterise an exported SVG string to a PNG Blob at scale 1, 2 or 4. The SVG goes into an
 * <img> through a Blob URL (it is self-contained, so nothing else loads and the canvas stays untainted),
 * is drawn onto a canvas of width·scale × height·scale over white, and read back with toBlob.
 */
export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

export async function svgToPng(svg: string, width: number, height: number, scale: PngScale): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser gave no 2-D canvas to draw the PNG on.');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded (image too large?).'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
