import { ConfusionMatrices } from './ConfusionMatrices';
import { DecisionRegions } from './DecisionRegions';
import { LossCurves } from './LossCurves';
import { MetricsTable } from './MetricsTable';
import { RecallBars } from './RecallBars';
import { ClassifierNorms } from './ClassifierNorms';

/** Every result view, in reading order. Loaded lazily: charting code is not needed for the first paint. */
export default function Results() {
  return (
    <>
      <MetricsTable />
      <LossCurves />
      <RecallBars />
      <ClassifierNorms />
      <ConfusionMatrices />
      <DecisionRegions />
    </>
  );
}
