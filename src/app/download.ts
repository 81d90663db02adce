/** Browser downloads: files from text, charts as standalone SVG and as PNG drawn through a canvas. */

/** Saves a blob under a file name via a temporary link. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A standalone SVG document of a chart: namespaces set, current text colour and background baked in. */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const style = getComputedStyle(svg);
  clone.style.color = style.color;
  clone.style.background = getComputedStyle(document.body).backgroundColor;
  const { width, height } = svg.getBoundingClientRect();
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(Math.round(width)));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(Math.round(height)));
  return new XMLSerializer().serializeToString(clone);
}

/** Renders an SVG chart to a PNG blob at twice its size. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = svgText(svg);
  const { width, height } = svg.getBoundingClientRect();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas 2d context unavailable');
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
