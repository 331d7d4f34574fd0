import { ConfusionMatrices } from './ConfusionMatrices';
import { DecisionRegions } from './DecisionRegions';
import { LossCurves } from './LossCurves';
import { MetricsTable } from './MetricsTable';
import { RecallBars } from './RecallBars';
import { ClassifierNorms } from './ClassifierNorms';
import { EvaluationTabs } from './evaluation/EvaluationTabs';
import { SignificanceNote } from './evaluation/SignificanceNote';

/** Every result view, in reading order. Loaded lazily: charting code is not needed for the first paint. */
export default function Results() {
  return (
    <>
      <MetricsTable />
      <SignificanceNote />
      <EvaluationTabs />
      <LossCurves />
      <RecallBars />
      <ConfusionMatrices />
      <ClassifierNorms />
      <DecisionRegions />
    </>
  );
}
