// Draws the first pages of a PDF the core made, for the Reports preview. pdf.js is loaded only
// when a preview is first shown. Everything it needs comes from the app's own files, so it works
// offline under the window's CSP with no change to it: the legacy build (the webview may be an
// older Safari); its worker served from 'self' as a module script, which `script-src 'self'`
// allows (were the Worker refused, pdf.js imports the same file on the main thread); no
// WebAssembly (our PDFs hold no JPEG 2000 or JBIG2 images, and compiling it would need
// 'wasm-unsafe-eval'); no eval (pdf.js 6 has none); embedded fonts handed to the FontFace API
// from memory, so no font URL for `font-src`.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfWorker = InstanceType<PdfJs['PDFWorker']>;

let loading: Promise<{ lib: PdfJs; worker: PdfWorker }> | null = null;

/** pdf.js and one worker, kept for every later preview rather than started afresh each time. */
function pdfjs(): Promise<{ lib: PdfJs; worker: PdfWorker }> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return { lib, worker: new lib.PDFWorker() };
  });
  loading.catch(() => (loading = null));
  return loading;
}

/**
 * The first `max` pages of `data`, each drawn on a canvas `width` CSS pixels wide (sharp on
 * high-density screens). Also returns how many pages the document has.
 */
export async function renderFirstPages(
  data: ArrayBuffer,
  max: number,
  width: number,
): Promise<{ canvases: HTMLCanvasElement[]; total: number }> {
  const { lib, worker } = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(data),
    worker,
    useWasm: false,
    enableXfa: false,
  });
  try {
    const doc = await task.promise;
    const ratio = globalThis.devicePixelRatio || 1;
    const canvases: HTMLCanvasElement[] = [];
    for (let n = 1; n <= Math.min(max, doc.numPages); n++) {
      const page = await doc.getPage(n);
      const natural = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (width / natural.width) * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${width}px`;
      canvas.style.aspectRatio = `${natural.width} / ${natural.height}`;
      await page.render({ canvas, viewport }).promise;
      page.cleanup();
      canvases.push(canvas);
    }
    return { canvases, total: doc.numPages };
  } finally {
    // Frees the document in the worker; the worker itself stays for the next preview.
    await task.destroy();
  }
}
