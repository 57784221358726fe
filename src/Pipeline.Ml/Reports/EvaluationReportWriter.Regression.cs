using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Plots;

namespace Pipeline.Ml.Reports;

public sealed partial class EvaluationReportWriter
{
    private void WriteRegression(PredictionSet predictions, Output output)
    {
        double[] actual = [.. predictions.Actual], predicted = [.. predictions.Predicted];
        var png = _plotter.PredictedVsActual(actual, predicted, output.Png(ReportFileNames.PredictedVsActualPlot));
        output.Written(CurveDataWriter.WriteBeside(png, new CurvePoints(actual, predicted)));

        png = _plotter.Residuals(actual, predicted, output.Png(ReportFileNames.ResidualsPlot));
        output.Written(CurveDataWriter.WriteBeside(png, new CurvePoints(predicted, actual.Zip(predicted, (a, p) => a - p).ToArray())));
    }
}
