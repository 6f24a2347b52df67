// A chart whose code is a chunk loaded on first use (ECharts stays out of the initial
// JavaScript): made once the chunk is here, resized with the window, disposed of by the
// returned function — which, called before the chunk arrived, keeps the chart from being made.

interface Chart {
  resize(): void;
  dispose(): void;
}

export function mountLazyChart<Chunk>(load: () => Promise<Chunk>, make: (chunk: Chunk) => Chart): () => void {
  let dispose = (): void => {};
  let cancelled = false;
  load().then((chunk) => {
    if (cancelled) {
      return;
    }
    const chart = make(chunk);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    dispose = () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  });
  return () => {
    cancelled = true;
    dispose();
  };
}
