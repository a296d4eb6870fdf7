// One Polaris Viz chart of a value per day. Loaded only in the browser (see daily-chart.tsx): Polaris
// Viz measures its container and animates with react-spring, which server rendering cannot do.
import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { dayLabel, type ChartDay } from "./chart-days";

export interface VizChartProps {
  kind: "bar" | "line";
  /** The series' name, shown in the tooltip. */
  name: string;
  data: ChartDay[];
  /** How a value reads in the tooltip and on the axis. */
  unit: "orders" | "hours";
}

export default function VizChart({ kind, name, data, unit }: VizChartProps) {
  const series = [{ name, data: data.map((d) => ({ key: d.day, value: d.value })) }];
  const common = {
    data: series,
    showLegend: false,
    xAxisOptions: { labelFormatter: (key: string | number | null) => dayLabel(String(key)) },
    yAxisOptions: { integersOnly: unit === "orders", labelFormatter: (v: string | number | null) => (unit === "hours" ? `${v} h` : String(v)) },
    emptyStateText: "Nothing to show for the last 30 days.",
  };
  return (
    <PolarisVizProvider>
      <div style={{ height: 240 }} data-chart={name}>
        {kind === "bar" ? <BarChart {...common} /> : <LineChart {...common} />}
      </div>
    </PolarisVizProvider>
  );
}
