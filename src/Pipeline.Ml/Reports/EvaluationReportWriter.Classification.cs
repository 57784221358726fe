using System.Globalization;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Plots;

namespace Pipeline.Ml.Reports;

public sealed partial class EvaluationReportWriter
{
    // In MLflow's order: ROC, PR, lift, calibration, then the confusion matrix.
    private void WriteBinary(PredictionSet predictions, Output output)
    {
        var actual = predictions.ActualClasses;
        if (predictions.Probabilities is not null && actual.Contains(0) && actual.Contains(1))
        {
            var curves = ModelEvaluator.Curves(predictions, _options.CalibrationBins);
            var roc = curves.Roc[0];
            _plotter.RocCurve(new CurvePoints([.. roc.FalsePositiveRate], [.. roc.TruePositiveRate]), roc.Auc, output.Png(ReportFileNames.RocCurvePlot));
            output.Json(ReportFileNames.RocCurvePlot, CurveJson.Serialize(roc));

            var pr = curves.PrecisionRecall[0];
            var positiveRate = (double)actual.Count(a => a == 1) / actual.Length;
            _plotter.PrecisionRecallCurve(new CurvePoints([.. pr.Recall], [.. pr.Precision]), pr.AveragePrecision, positiveRate,
                output.Png(ReportFileNames.PrecisionRecallCurvePlot));
            output.Json(ReportFileNames.PrecisionRecallCurvePlot, CurveJson.Serialize(pr));

            _plotter.LiftCurves(curves.Lift.Select(l => new LabeledCurve(
                $"Class {ClassLabels.Format(l.ClassValue)}", new CurvePoints([.. l.Percentages], [.. l.Lift]))).ToArray(),
                output.Png(ReportFileNames.LiftCurvePlot));
            output.Json(ReportFileNames.LiftCurvePlot, CurveJson.Serialize(curves.Lift));

            var calibration = curves.Calibration[0];
            _plotter.CalibrationCurve(new CurvePoints([.. calibration.MeanPredicted], [.. calibration.FractionPositive]),
                output.Png(ReportFileNames.CalibrationCurvePlot));
            output.Json(ReportFileNames.CalibrationCurvePlot, CurveJson.Serialize(calibration));
        }

        WriteConfusionMatrix(predictions, output);
    }

    // In MLflow's order: calibration, ROC, PR, per-class metrics, then the confusion matrix.
    private void WriteMulticlass(PredictionSet predictions, Output output)
    {
        IReadOnlyList<(double, double)>? perClassAuc = null;
        if (predictions.Probabilities is not null)
        {
            var curves = ModelEvaluator.Curves(predictions, _options.CalibrationBins);
            var actual = predictions.ActualClasses;
            // One-vs-rest curves need rows on both sides; a class missing from the truth has none.
            var drawn = Enumerable.Range(0, predictions.ClassValues.Count).Where(c => actual.Contains(c) && actual.Any(a => a != c)).ToArray();
            string Label(int c) => $"label={ClassLabels.Format(predictions.ClassValues[c])}";

            var calibration = drawn.Select(c => curves.Calibration[c]).ToArray();
            _plotter.CalibrationCurves(drawn.Select((c, i) => new LabeledCurve(Label(c),
                new CurvePoints([.. calibration[i].MeanPredicted], [.. calibration[i].FractionPositive]))).ToArray(),
                output.Png(ReportFileNames.CalibrationCurvePlot));
            output.Json(ReportFileNames.CalibrationCurvePlot, CurveJson.Serialize(calibration));

            if (predictions.ClassValues.Count <= _options.MaxClassesForMulticlassRocPr)
            {
                var roc = drawn.Select(c => curves.Roc[c]).ToArray();
                _plotter.RocCurves(drawn.Select((c, i) => new LabeledCurve($"{Label(c)},AUC={F(roc[i].Auc)}",
                    new CurvePoints([.. roc[i].FalsePositiveRate], [.. roc[i].TruePositiveRate]))).ToArray(),
                    output.Png(ReportFileNames.RocCurvePlot));
                output.Json(ReportFileNames.RocCurvePlot, CurveJson.Serialize(roc));

                var pr = drawn.Select(c => curves.PrecisionRecall[c]).ToArray();
                _plotter.PrecisionRecallCurves(drawn.Select((c, i) => new LabeledCurve($"{Label(c)},AP={F(pr[i].AveragePrecision)}",
                    new CurvePoints([.. pr[i].Recall], [.. pr[i].Precision]))).ToArray(),
                    output.Png(ReportFileNames.PrecisionRecallCurvePlot));
                output.Json(ReportFileNames.PrecisionRecallCurvePlot, CurveJson.Serialize(pr));
                perClassAuc = Enumerable.Range(0, predictions.ClassValues.Count)
                    .Select(c => drawn.Contains(c) ? (curves.Roc[c].Auc, curves.PrecisionRecall[c].AveragePrecision) : (double.NaN, double.NaN))
                    .ToArray();
            }
        }

        output.Text(ReportFileNames.PerClassMetrics, PerClassMetricsCsv.Build(predictions, perClassAuc));
        WriteConfusionMatrix(predictions, output);
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
