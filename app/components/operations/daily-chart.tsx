// A dashboard card with a chart of one value per day. The server renders the card and a sentence that
// sums the figures up (what a screen reader and a page without JavaScript get); Polaris Viz draws the
// chart once the page has hydrated, from a chunk only the browser loads, so server and client render
// the same markup and hydration has nothing to disagree about.
import { BlockStack, Card, SkeletonBodyText, Text } from "@shopify/polaris";
import { lazy, Suspense, useEffect, useState } from "react";
import type { ChartDay } from "./chart-days";
import type { VizChartProps } from "./viz-chart";

const VizChart = lazy(() => import("./viz-chart"));

export function DailyChart(props: VizChartProps & { title: string; summary: string; empty: string }) {
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  const hasData = props.data.some((d: ChartDay) => d.value !== null && d.value !== 0);
  const placeholder = <SkeletonBodyText lines={6} />;
  return (
    <Card>
      <section aria-label={props.title}>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">{props.title}</Text>
          <Text as="p" tone="subdued">{hasData ? props.summary : props.empty}</Text>
          {hasData &&
            (inBrowser ? (
              <Suspense fallback={placeholder}>
                <VizChart kind={props.kind} name={props.name} data={props.data} unit={props.unit} />
              </Suspense>
            ) : (
              placeholder
            ))}
        </BlockStack>
      </section>
    </Card>
  );
}
