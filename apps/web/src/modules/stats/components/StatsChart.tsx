import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws: bars for breakdowns, lines for series.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLOURS = ['#2563eb', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#0ea5e9'];

export interface ChartSeries {
  label: string;
  data: number[];
}

/** One chart.js chart (bar or line) that follows its container's width; the table beside it carries the numbers for screen readers. */
export function StatsChart({
  type,
  labels,
  series,
  title,
  testId,
}: {
  type: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
  title: string;
  testId: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type,
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.data,
          backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: COLOURS[i % COLOURS.length],
        })),
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: series.length > 1 } } },
    });
    return () => chart.destroy();
  }, [type, labels, series]);
  return (
    <div className="stats-chart">
      <canvas ref={canvas} role="img" aria-label={title} data-testid={testId} />
    </div>
  );
}
